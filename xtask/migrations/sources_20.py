#!/usr/bin/env python3
"""Issue 20: the events' plain-text `sources` become citations of the works in sources.json,
and the dates the sources disagree on become `dates`. Run once from the repository root; it
rewrites public/data/events.geojson in place, keeping its formatting, and writes
public/data/sources.json."""
import json
import re

EVENTS = "public/data/events.geojson"
CATALOGUE = "public/data/sources.json"

W = "https://{}.wikipedia.org/wiki/{}"


def wiki(lang, title, accessed, url_title=None):
    from urllib.parse import quote
    return {"title": title, "language": lang, "kind": "encyclopedia-article", "site": f"wikipedia-{lang}",
            "url": W.format(lang, quote((url_title or title).replace(" ", "_"))), "accessed": accessed}


WORKS = {
    "lvwiki-baltijas-antante": wiki("lv", "Baltijas Antante", "2026-11-26"),
    "lvwiki-baltijas-valstu-sadarbiba": wiki("lv", "Baltijas valstu sadarbība starpkaru periodā", "2026-11-26"),
    "ltwiki-baltijos-antante": wiki("lt", "Baltijos Antantė", "2026-11-26"),
    "ruwiki-baltiyskaya-antanta": wiki("ru", "Балтийская Антанта", "2026-12-04"),
    "enwiki-occupation-baltic-states": wiki("en", "Occupation of the Baltic states", "2026-12-04"),
    "enwiki-german-polish-declaration": wiki("en", "German–Polish declaration of non-aggression", "2026-11-26"),
    "enwiki-german-ultimatum-lithuania-1939": wiki("en", "1939 German ultimatum to Lithuania", "2026-11-26"),
    "enwiki-soviet-estonian-mutual-assistance": wiki("en", "Soviet–Estonian Mutual Assistance Treaty", "2026-12-01"),
    "enwiki-soviet-latvian-mutual-assistance": wiki("en", "Soviet–Latvian Mutual Assistance Treaty", "2026-12-01"),
    "enwiki-soviet-lithuanian-mutual-assistance": wiki("en", "Soviet–Lithuanian Mutual Assistance Treaty", "2026-12-01"),
    "enwiki-moscow-peace-treaty": wiki("en", "Moscow Peace Treaty", "2026-11-26"),
    "enwiki-krisjanis-berkis": wiki("en", "Krišjānis Berķis", "2026-12-04"),
    "enwiki-baltic-military-district": wiki("en", "Baltic Military District", "2026-11-26"),
    "enwiki-soviet-ultimatum-estonia": wiki("en", "Soviet ultimatum to Estonia", "2026-11-26"),
    "enwiki-warsaw-accord-1922": wiki("en", "Warsaw Accord (1922)", "2026-12-04"),
    "enwiki-soviet-lithuanian-non-aggression": wiki("en", "Soviet–Lithuanian Non-Aggression Pact", "2026-12-04"),
    "enwiki-soviet-estonian-non-aggression": wiki("en", "Soviet–Estonian Non-Aggression Pact", "2026-12-04"),
    "enwiki-german-estonian-non-aggression": wiki("en", "German–Estonian Non-Aggression Pact", "2026-12-04"),
    "enwiki-german-latvian-non-aggression": wiki("en", "German–Latvian Non-Aggression Pact", "2026-12-04"),
    "enwiki-molotov-ribbentrop-pact": wiki("en", "Molotov–Ribbentrop Pact", "2026-12-04"),
    "etwiki-sojavaeline-kokkulepe-1940": wiki("et", "Sõjaväeline kokkulepe Eesti Vabariigi ja NSV Liidu vahel", "2026-12-04"),
    "etwiki-kokkulepe-1940-06-08": {
        "title": "Kokkulepe … NSV Liidu relvastatud jõudude Eesti territooriumil viibimise tingimuste kohta",
        "language": "et", "kind": "encyclopedia-article", "site": "wikipedia-et"},
    "rusarchives-nakanune-incorporation": {
        "title": "Incorporation of Estonia, Latvia and Lithuania into the USSR. June – August 1940",
        "language": "en", "kind": "exhibition", "part_of": "«Накануне»", "site": "rusarchives"},
    "neurath-1933-10-19": {
        "title": "Withdrawal of Germany from the League of Nations. Letter from Konstantin von Neurath",
        "language": "en", "kind": "archive-document", "date": "1933-10-19",
        "publisher": "League of Nations Archives", "site": "wdl"},
    "polpredy-soobshchayut-1990": {
        "title": "Полпреды сообщают… Сборник документов об отношениях СССР с Латвией, Литвой и Эстонией, август 1939 г. – август 1940 г.",
        "language": "ru", "kind": "book", "part_of": "прил. к № 248", "publisher": "Москва: Международные отношения",
        "date": "1990", "pages": "386–387"},
    "psrs-ultimatum-latvija-1940-06-16": {
        "title": "PSRS valdības paziņojums (ultimāts) Latvijas valdībai. 1940. gada 16. jūnijā",
        "language": "lv", "kind": "archive-document", "translation_of": "polpredy-soobshchayut-1990",
        "via": {"work": "lvwiki-baltijas-antante", "reference": 4}},
    "taurens-1996": {
        "title": "Latvija un Baltijas Antantes izveidošanās 1934. gadā", "language": "lv",
        "kind": "journal-article", "author": "Jānis Taurēns", "part_of": "Latvijas Vēsture, Nr. 5 (24)",
        "date": "1996", "pages": "82–89", "via": {"work": "lvwiki-baltijas-antante", "reference": 2}},
    "slepena-diplomatija": {
        "title": "Slepenā diplomātija", "language": "lv", "kind": "web-page", "archived": "2019-04-21",
        "via": {"work": "lvwiki-baltijas-antante", "reference": 1}},
    "baltijas-virziens-1934-1940": {
        "title": "Baltijas virziens Latvijas Republikas ārpolitikā 1934.–1940. gadā", "language": "lv",
        "kind": "other", "via": {"work": "lvwiki-baltijas-antante", "reference": 3}},
    "murphy-2005": {
        "title": "What Stalin Knew: The Enigma of Barbarossa", "language": "en", "kind": "book",
        "author": "David E. Murphy", "publisher": "Yale University Press", "date": "2005"},
    "urbsys-1989": {
        "title": "Lithuania and the Soviet Union 1939–1940: The Fateful Year", "language": "en",
        "kind": "journal-article", "author": "Juozas Urbšys",
        "part_of": "Lituanus, vol. 34, no. 2", "date": "1989"},
    "roosevelt-churchill-baltic-question-2014": {
        "title": "The Soviet Annexation and the Estonian Diplomats-in-Exile, 1940", "language": "en",
        "kind": "book-chapter", "part_of": "«Roosevelt, Churchill, and the Baltic Question»",
        "publisher": "Palgrave Macmillan", "date": "2014"},
    "gibler-2009": {
        "title": "International Military Alliances, 1648–2008", "language": "en", "kind": "book",
        "author": "Douglas M. Gibler", "publisher": "CQ Press", "date": "2009"},
}


def L(en, lv, lt, et, ru):
    return {"en": en, "lv": lv, "lt": lt, "et": et, "ru": ru}


SUPPORTS = {
    "annexation": L(
        "the Supreme Soviet of the USSR admitted Lithuania on 3 August, Latvia on 5 August and Estonia on 6 August 1940",
        "PSRS Augstākā padome Lietuvu uzņēma 1940. gada 3. augustā, Latviju 5. augustā un Igauniju 6. augustā",
        "SSRS Aukščiausioji Taryba Lietuvą priėmė 1940 m. rugpjūčio 3 d., Latviją – rugpjūčio 5 d., Estiją – rugpjūčio 6 d.",
        "NSV Liidu Ülemnõukogu võttis Leedu vastu 3. augustil, Läti 5. augustil ja Eesti 6. augustil 1940",
        "Верховный Совет СССР принял Литву 3 августа, Латвию 5 августа и Эстонию 6 августа 1940 года"),
    "murphy": L(
        "dates of the 1939 mutual assistance treaties",
        "1939. gada savstarpējās palīdzības līgumu datumi",
        "1939 m. savitarpio pagalbos sutarčių datos",
        "1939. aasta vastastikuse abistamise lepingute kuupäevad",
        "даты договоров о взаимопомощи 1939 года"),
    "german-polish": L(
        "place of signing and expiry date",
        "parakstīšanas vieta un termiņa beigas",
        "pasirašymo vieta ir galiojimo pabaiga",
        "allkirjastamise koht ja kehtivuse lõpp",
        "место подписания и срок действия"),
    "estonian-mat": L(
        "signed in Moscow on 28 September 1939 by Vyacheslav Molotov and Karl Selter",
        "1939. gada 28. septembrī Maskavā parakstīja Vjačeslavs Molotovs un Karls Selters",
        "1939 m. rugsėjo 28 d. Maskvoje pasirašė Viačeslavas Molotovas ir Karlas Selteris",
        "allkirjastasid Moskvas 28. septembril 1939 Vjatšeslav Molotov ja Karl Selter",
        "подписан в Москве 28 сентября 1939 года Вячеславом Молотовым и Карлом Сельтером"),
    "latvian-mat": L(
        "signed in Moscow on 5 October 1939 by Vyacheslav Molotov and Vilhelms Munters",
        "1939. gada 5. oktobrī Maskavā parakstīja Vjačeslavs Molotovs un Vilhelms Munters",
        "1939 m. spalio 5 d. Maskvoje pasirašė Viačeslavas Molotovas ir Vilhelmas Muntersas",
        "allkirjastasid Moskvas 5. oktoobril 1939 Vjatšeslav Molotov ja Vilhelms Munters",
        "подписан в Москве 5 октября 1939 года Вячеславом Молотовым и Вильгельмом Мунтерсом"),
    "lithuanian-mat": L(
        "signed in Moscow on 10 October 1939; Lithuania received Vilnius and part of the Vilnius Region",
        "parakstīts Maskavā 1939. gada 10. oktobrī; Lietuva saņēma Viļņu un daļu Viļņas apgabala",
        "pasirašyta Maskvoje 1939 m. spalio 10 d.; Lietuva atgavo Vilnių ir dalį Vilniaus krašto",
        "allkirjastati Moskvas 10. oktoobril 1939; Leedu sai Vilniuse ja osa Vilniuse piirkonnast",
        "подписан в Москве 10 октября 1939 года; Литва получила Вильнюс и часть Виленского края"),
    "1940-05-15": L(
        "signed in Moscow on 15 May 1940",
        "parakstīts Maskavā 1940. gada 15. maijā",
        "pasirašytas Maskvoje 1940 m. gegužės 15 d.",
        "sõlmiti Moskvas 15. mail 1940",
        "подписано в Москве 15 мая 1940 года"),
    "berkis": L(
        "Commander of the Army 1934–1940, Minister of War in 1940",
        "armijas komandieris 1934–1940, kara ministrs 1940. gadā",
        "kariuomenės vadas 1934–1940 m., karo ministras 1940 m.",
        "armee ülemjuhataja 1934–1940, sõjaminister 1940. aastal",
        "командующий армией в 1934–1940 годах, военный министр в 1940 году"),
    "1940-06-08": L(
        "signed in Moscow on 8 June 1940 by Vladimir Dekanozov and August Rei",
        "1940. gada 8. jūnijā Maskavā parakstīja Vladimirs Dekanozovs un Augusts Rei",
        "1940 m. birželio 8 d. Maskvoje pasirašė Vladimiras Dekanozovas ir Augustas Rei",
        "allkirjastasid Moskvas 8. juunil 1940 Vladimir Dekanozov ja August Rei",
        "подписано в Москве 8 июня 1940 года Владимиром Деканозовым и Августом Реем"),
    "gibler-1932": L(
        "text of the treaty: «Done at Riga … February 5th 1932»",
        "līguma teksts: «Done at Riga … February 5th 1932»",
        "sutarties tekstas: „Done at Riga … February 5th 1932“",
        "lepingu tekst: „Done at Riga … February 5th 1932“",
        "текст договора: «Done at Riga … February 5th 1932»"),
    "estonian-nap": L(
        "signed on 4 May 1932; extended on 4 April 1934 until 31 December 1945",
        "parakstīts 1932. gada 4. maijā; 1934. gada 4. aprīlī pagarināts līdz 1945. gada 31. decembrim",
        "pasirašyta 1932 m. gegužės 4 d.; 1934 m. balandžio 4 d. pratęsta iki 1945 m. gruodžio 31 d.",
        "sõlmiti 4. mail 1932; 4. aprillil 1934 pikendati 31. detsembrini 1945",
        "подписан 4 мая 1932 года; 4 апреля 1934 года продлён до 31 декабря 1945 года"),
    "gibler-moscow": L(
        "signed in Moscow",
        "parakstīts Maskavā",
        "pasirašyta Maskvoje",
        "allkirjastati Moskvas",
        "подписан в Москве"),
    "mrp": L(
        "the secret protocol; its change of 28 September 1939; broken by Germany's invasion of the USSR on 22 June 1941",
        "slepenais protokols; tā grozījums 1939. gada 28. septembrī; lauzts ar Vācijas iebrukumu PSRS 1941. gada 22. jūnijā",
        "slaptasis protokolas; jo pakeitimas 1939 m. rugsėjo 28 d.; sulaužytas Vokietijai 1941 m. birželio 22 d. užpuolus SSRS",
        "salaprotokoll; selle muudatus 28. septembril 1939; murti, kui Saksamaa 22. juunil 1941 NSV Liitu tungis",
        "секретный протокол; его изменение 28 сентября 1939 года; нарушен нападением Германии на СССР 22 июня 1941 года"),
    "merkys": L(
        "Prime Minister Antanas Merkys in Moscow from 7 to 12 June 1940",
        "ministru prezidents Antans Merķis Maskavā no 1940. gada 7. līdz 12. jūnijam",
        "ministras pirmininkas Antanas Merkys Maskvoje 1940 m. birželio 7–12 d.",
        "peaminister Antanas Merkys Moskvas 7.–12. juunini 1940",
        "премьер-министр Антанас Меркис в Москве с 7 по 12 июня 1940 года"),
    "ru-infobox": L(
        "infobox: the treaty lost force in June 1940",
        "infokaste: līgums zaudēja spēku 1940. gada jūnijā",
        "infolentelė: sutartis nustojo galioti 1940 m. birželį",
        "infokast: leping kaotas kehtivuse 1940. aasta juunis",
        "карточка: договор утратил силу в июне 1940 года"),
}

LV = "«Baltijas Antante», Latvian Wikipedia"
OCC = "«Occupation of the Baltic states», English Wikipedia"
GIB = "Douglas M. Gibler, «International Military Alliances, 1648–2008», CQ Press, 2009"
MUR = "David E. Murphy, «What Stalin Knew: The Enigma of Barbarossa», Yale University Press, 2005"
FIXED = {
    OCC + " (the Supreme Soviet of the USSR admitted Lithuania on 3 August, Latvia on 5 August and Estonia on 6 August 1940)":
        {"work": "enwiki-occupation-baltic-states", "supports": "annexation"},
    OCC: {"work": "enwiki-occupation-baltic-states"},
    "«Incorporation of Estonia, Latvia and Lithuania into the USSR. June – August 1940», online exhibition «Накануне» of the Russian Federal Archival Agency":
        {"work": "rusarchives-nakanune-incorporation"},
    "«Балтийская Антанта», Russian Wikipedia": {"work": "ruwiki-baltiyskaya-antanta"},
    "Jānis Taurēns, «Latvija un Baltijas Antantes izveidošanās 1934. gadā», Latvijas Vēsture, 1996, Nr. 5 (24), pp. 82–89, reference [2] of " + LV:
        {"work": "taurens-1996"},
    MUR + " (dates of the 1939 mutual assistance treaties)": {"work": "murphy-2005", "supports": "murphy"},
    "«PSRS valdības paziņojums (ultimāts) Latvijas valdībai. 1940. gada 16. jūnijā» (Latvian translation of «Полпреды сообщают… Сборник документов об отношениях СССР с Латвией, Литвой и Эстонией, август 1939 г. – август 1940 г.», Moscow: Международные отношения, 1990, annex to No. 248, pp. 386–387), reference [4] of " + LV:
        {"work": "psrs-ultimatum-latvija-1940-06-16"},
    "«Slepenā diplomātija» (web page, archived 21 April 2019), reference [1] of " + LV: {"work": "slepena-diplomatija"},
    "«Baltijas valstu sadarbība starpkaru periodā», Latvian Wikipedia, introduction":
        {"work": "lvwiki-baltijas-valstu-sadarbiba", "introduction": True},
    "«Withdrawal of Germany from the League of Nations. Letter from Konstantin von Neurath» (19 October 1933), League of Nations Archives, via the World Digital Library":
        {"work": "neurath-1933-10-19"},
    "«German–Polish declaration of non-aggression», English Wikipedia (place of signing and expiry date)":
        {"work": "enwiki-german-polish-declaration", "supports": "german-polish"},
    "«1939 German ultimatum to Lithuania», English Wikipedia": {"work": "enwiki-german-ultimatum-lithuania-1939"},
    "«Soviet–Estonian Mutual Assistance Treaty», English Wikipedia (signed in Moscow on 28 September 1939 by Vyacheslav Molotov and Karl Selter)":
        {"work": "enwiki-soviet-estonian-mutual-assistance", "supports": "estonian-mat"},
    "«Soviet–Latvian Mutual Assistance Treaty», English Wikipedia (signed in Moscow on 5 October 1939 by Vyacheslav Molotov and Vilhelms Munters)":
        {"work": "enwiki-soviet-latvian-mutual-assistance", "supports": "latvian-mat"},
    "«Soviet–Lithuanian Mutual Assistance Treaty», English Wikipedia (signed in Moscow on 10 October 1939; Lithuania received Vilnius and part of the Vilnius Region)":
        {"work": "enwiki-soviet-lithuanian-mutual-assistance", "supports": "lithuanian-mat"},
    "«Baltijas virziens Latvijas Republikas ārpolitikā 1934.–1940. gadā», reference [3] of " + LV:
        {"work": "baltijas-virziens-1934-1940"},
    "«Moscow Peace Treaty», English Wikipedia": {"work": "enwiki-moscow-peace-treaty"},
    "«Sõjaväeline kokkulepe Eesti Vabariigi ja NSV Liidu vahel», Estonian Wikipedia (signed in Moscow on 15 May 1940)":
        {"work": "etwiki-sojavaeline-kokkulepe-1940", "supports": "1940-05-15"},
    "«Krišjānis Berķis», English Wikipedia: Commander of the Army 1934–1940, Minister of War in 1940":
        {"work": "enwiki-krisjanis-berkis", "supports": "berkis"},
    "«Baltic Military District», English Wikipedia": {"work": "enwiki-baltic-military-district"},
    "Juozas Urbšys, «Lithuania and the Soviet Union 1939–1940: The Fateful Year» (memoirs, tr. Sigita Naujokaitis), Lituanus, vol. 34, no. 2, 1989":
        {"work": "urbsys-1989"},
    "«Kokkulepe … NSV Liidu relvastatud jõudude Eesti territooriumil viibimise tingimuste kohta», Estonian Wikipedia (signed in Moscow on 8 June 1940 by Vladimir Dekanozov and August Rei)":
        {"work": "etwiki-kokkulepe-1940-06-08", "supports": "1940-06-08"},
    "«The Soviet Annexation and the Estonian Diplomats-in-Exile, 1940», chapter in «Roosevelt, Churchill, and the Baltic Question», Palgrave Macmillan, 2014":
        {"work": "roosevelt-churchill-baltic-question-2014"},
    "«Soviet ultimatum to Estonia», English Wikipedia": {"work": "enwiki-soviet-ultimatum-estonia"},
    "«Warsaw Accord (1922)», English Wikipedia": {"work": "enwiki-warsaw-accord-1922"},
    "«Soviet–Lithuanian Non-Aggression Pact», English Wikipedia": {"work": "enwiki-soviet-lithuanian-non-aggression"},
    GIB: {"work": "gibler-2009"},
    GIB + " (text of the treaty: «Done at Riga … February 5th 1932»)": {"work": "gibler-2009", "supports": "gibler-1932"},
    "«Soviet–Estonian Non-Aggression Pact», English Wikipedia (signed on 4 May 1932; extended on 4 April 1934 until 31 December 1945)":
        {"work": "enwiki-soviet-estonian-non-aggression", "supports": "estonian-nap"},
    GIB + " (signed in Moscow)": {"work": "gibler-2009", "supports": "gibler-moscow"},
    "«German–Estonian Non-Aggression Pact», English Wikipedia": {"work": "enwiki-german-estonian-non-aggression"},
    "«German–Latvian Non-Aggression Pact», English Wikipedia": {"work": "enwiki-german-latvian-non-aggression"},
    "«Molotov–Ribbentrop Pact», English Wikipedia (the secret protocol; its change of 28 September 1939; broken by Germany's invasion of the USSR on 22 June 1941)":
        {"work": "enwiki-molotov-ribbentrop-pact", "supports": "mrp"},
}


def citation(text):
    if text in FIXED:
        c = dict(FIXED[text])
    elif m := re.fullmatch(re.escape(LV) + r", section “(.*)”", text):
        c = {"work": "lvwiki-baltijas-antante", "section": m.group(1)}
    elif m := re.fullmatch(re.escape(LV) + r", photo caption “(.*)”", text):
        c = {"work": "lvwiki-baltijas-antante", "caption": m.group(1)}
    elif m := re.fullmatch(r"«Baltijos Antantė», Lithuanian Wikipedia, section “(.*)”", text):
        c = {"work": "ltwiki-baltijos-antante", "section": m.group(1)}
    else:
        raise SystemExit(f"no citation for {text!r}")
    if "supports" in c:
        c["supports"] = SUPPORTS[c["supports"]]
    return c


def render_citation(c, indent):
    pad = " " * indent
    if "supports" not in c:
        return pad + json.dumps(c, ensure_ascii=False)
    head = {k: v for k, v in c.items() if k != "supports"}
    first = json.dumps(head, ensure_ascii=False)[:-1]
    sup = json.dumps(c["supports"], ensure_ascii=False, indent=2).replace("\n", "\n" + pad + " ")
    return f"{pad}{first},\n{pad} \"supports\": {sup}}}"


def render_list(cs, indent):
    return "[\n" + ",\n".join(render_citation(c, indent + 2) for c in cs) + "\n" + " " * indent + "]"


# The dates the sources disagree on (docs/DATA.md, "Disagreements and precision remarks").
ARTICLE_1940 = {"work": "lvwiki-baltijas-antante", "section": "Likvidēšana, 1940"}
RU = {"work": "ruwiki-baltiyskaya-antanta", "supports": SUPPORTS["ru-infobox"]}
DATES = {
    "lithuanian-delegation-moscow-1940-06-08": [
        {"start": "1940-06-08", "chosen": True, "sources": [ARTICLE_1940]},
        {"start": "1940-06-07", "end": "1940-06-12",
         "sources": [{"work": "urbsys-1989", "supports": SUPPORTS["merkys"]}]},
    ],
    "treaty-1934-09-12-baltic-entente": [
        {"start": "1934-09-12", "end": "1940-07-01", "chosen": True, "sources": [ARTICLE_1940]},
        {"start": "1934-09-12", "end": "1940-06", "sources": [RU]},
    ],
    "annulment-1940-07-01-baltic-entente": [
        {"start": "1940-07-01", "chosen": True, "sources": [ARTICLE_1940]},
        {"start": "1940-06", "sources": [RU]},
    ],
}


def render_dates(claims, indent):
    pad = " " * (indent + 2)
    out = []
    for claim in claims:
        head = {k: v for k, v in claim.items() if k != "sources"}
        first = json.dumps(head, ensure_ascii=False)[:-1]
        out.append(f"{pad}{first},\n{pad} \"sources\": {render_list(claim['sources'], indent + 3)}}}")
    return "[\n" + ",\n".join(out) + "\n" + " " * indent + "]"


def main():
    text = open(EVENTS, encoding="utf-8").read()
    ids = [f["properties"]["id"] for f in json.loads(text)["features"]]
    blocks = list(re.finditer(r'( *)"sources": \[\n(.*?)\n *\]', text, re.S))
    assert len(blocks) == len(ids), (len(blocks), len(ids))
    out, last, cited = [], 0, set()
    for event, m in zip(ids, blocks):
        indent = len(m.group(1))
        strings = json.loads("[" + m.group(2) + "]")
        if event == "baltic-entente-conference-09":
            # Read only through a mirror and never confirmed: dropped (issue 20).
            strings = [s for s in strings if "Russian Wikipedia" not in s]
        cs = [citation(s) for s in strings]
        cited.update(c["work"] for c in cs)
        new = f'{m.group(1)}"sources": {render_list(cs, indent)}'
        if event in DATES:
            new += f',\n{m.group(1)}"dates": {render_dates(DATES[event], indent)}'
        out.append(text[last:m.start()] + new)
        last = m.end()
    out.append(text[last:])
    open(EVENTS, "w", encoding="utf-8").write("".join(out))
    works = {"works": WORKS}
    open(CATALOGUE, "w", encoding="utf-8").write(json.dumps(works, ensure_ascii=False, indent=1) + "\n")
    missing = set(WORKS) - cited - {"polpredy-soobshchayut-1990"}
    print("uncited:", missing)


main()
