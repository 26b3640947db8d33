//! axe-core (pinned in `xtask/tools-npm/`, `cargo xtask test` installs it) in the app's pages.
//!
//! It is injected through WebDriver's execute-script, which the page's Content-Security-Policy
//! does not govern, so the app keeps its strict policy while axe looks at it.
use std::path::PathBuf;
use std::sync::OnceLock;

use super::page::AtlasPage;

/// The WCAG 2.1 levels A and AA rules.
const RUN: &str = r#"
    const done = arguments[arguments.length - 1];
    axe.run(document, { runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] },
                        resultTypes: ['violations'] })
       .then((r) => done(r.violations.map((v) => `${v.id} (${v.impact}): ${v.help}\n      ` +
                 v.nodes.slice(0, 5).map((n) => `${n.target.join(' ')}: ${n.failureSummary.replace(/\n/g, ' ')}`).join('\n      '))))
       .catch((e) => done([`axe failed: ${e}`]));
"#;

/// `$AXE_CORE_JS`, else the pinned copy in `xtask/tools-npm/node_modules`.
fn axe_source() -> &'static str {
    static SOURCE: OnceLock<String> = OnceLock::new();
    SOURCE.get_or_init(|| {
        let path = std::env::var_os("AXE_CORE_JS").map(PathBuf::from).unwrap_or_else(|| {
            PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("xtask/tools-npm/node_modules/axe-core/axe.min.js")
        });
        std::fs::read_to_string(&path).unwrap_or_else(|e| {
            panic!(
                "axe-core not found at {} ({e}): run `cargo xtask test`, which installs it \
                 (npm ci in xtask/tools-npm), or set AXE_CORE_JS",
                path.display()
            )
        })
    })
}

impl AtlasPage {
    /// The WCAG 2.1 A/AA violations axe-core finds in the page as it is now.
    pub async fn axe_violations(&self) -> Vec<String> {
        let inject = format!("if (!window.axe) {{ {} }} return typeof window.axe;", axe_source());
        let kind = self.client().execute(&inject, vec![]).await.expect("injecting axe-core");
        assert_eq!(kind, "object", "axe-core did not load into the page");
        let found = self.client().execute_async(RUN, vec![]).await.expect("running axe-core");
        found.as_array().into_iter().flatten().filter_map(|v| v.as_str().map(str::to_owned)).collect()
    }

    /// Fails with axe-core's findings if the page, in the state named `state`, has any.
    pub async fn assert_accessible(&self, state: &str) {
        let violations = self.axe_violations().await;
        assert!(
            violations.is_empty(),
            "axe-core finds {} WCAG 2.1 A/AA violation(s) in the state `{state}`:\n  {}",
            violations.len(),
            violations.join("\n  ")
        );
    }
}
