//! Installs (when missing) and locates the external tools that `serve`, `test` and `dist` need.
//!
//! Nothing here lets Trunk download anything: every tool Trunk would fetch on its own is installed
//! from a package registry (crates.io, npm, Debian) and put on the `PATH` of the child processes.
//!
//! | tool | pinned to | from |
//! | --- | --- | --- |
//! | `wasm32-unknown-unknown` | the active toolchain | `rustup target add` |
//! | `trunk` | [`TRUNK_VERSION`] | `cargo install --locked` |
//! | `wasm-bindgen`, `wasm-bindgen-test-runner` | the `wasm-bindgen` version in `Cargo.lock` | `cargo install wasm-bindgen-cli` |
//! | `wasm-opt` | [`WASM_OPT_VERSION`] | npm package `binaryen`, locked in `xtask/tools-npm/` |
//! | `axe-core` (for the end-to-end tests) | [`AXE_CORE_VERSION`] | npm package `axe-core`, locked in `xtask/tools-npm/` |
//! | `chromium`, `chromedriver` | Debian's | `apt-get install chromium chromium-driver` |
use std::ffi::OsString;
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::time::Instant;

use anyhow::{bail, Context, Result};

/// The Trunk release this project builds with (newer ones need a newer rustc than 1.95).
pub const TRUNK_VERSION: &str = "0.21.14";
/// The binaryen release pinned in `Trunk.toml` (`[tools] wasm_opt`) and `xtask/tools-npm/`.
pub const WASM_OPT_VERSION: &str = "version_132";
/// The axe-core release pinned in `xtask/tools-npm/`; the end-to-end tests inject its
/// `axe.min.js` into the app's pages (`AXE_CORE_JS`).
pub const AXE_CORE_VERSION: &str = "4.14.1";
/// Where the pinned npm tools live, relative to the workspace root.
pub const TOOLS_NPM_DIR: &str = "xtask/tools-npm";
/// Debian's paths for the browser and its WebDriver.
pub const CHROMIUM: &str = "/usr/bin/chromium";
pub const CHROMEDRIVER: &str = "/usr/bin/chromedriver";

/// The tools found or installed, and the environment that puts them first on `PATH`.
#[derive(Debug, Clone)]
pub struct Toolbox {
    pub root: PathBuf,
    /// `PATH` for child processes: the npm tools, then cargo's bin folder, then the inherited one.
    pub path: OsString,
}

impl Toolbox {
    /// A `Command` for `program` that runs in the workspace root with the tools on `PATH`.
    pub fn command(&self, program: impl AsRef<std::ffi::OsStr>) -> Command {
        let mut cmd = Command::new(program);
        cmd.current_dir(&self.root).env("PATH", &self.path);
        cmd
    }

    /// A `Command` for the cargo that runs this xtask.
    pub fn cargo(&self) -> Command {
        self.command(cargo_bin())
    }

    /// A `Command` for `trunk`, with its update check off.
    pub fn trunk(&self) -> Command {
        let mut cmd = self.command("trunk");
        cmd.env("TRUNK_SKIP_VERSION_CHECK", "true");
        cmd
    }
}

/// What a caller needs installed.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Needs {
    /// Trunk builds: wasm target, trunk, wasm-bindgen-cli, wasm-opt.
    Build,
    /// Builds plus browser tests: the above and chromium + chromedriver.
    BuildAndBrowser,
}

/// Makes sure every tool in `needs` is there, installing what is missing, and returns a
/// [`Toolbox`] whose `PATH` finds them.
pub fn ensure(root: &Path, needs: Needs) -> Result<Toolbox> {
    let started = Instant::now();
    println!("==> tools: checking what is installed");
    let wasm_bindgen_version = wasm_bindgen_version_in_lock(&root.join("Cargo.lock"))?;
    let trunk_toml = root.join("Trunk.toml");
    let trunk_text =
        std::fs::read_to_string(&trunk_toml).with_context(|| format!("reading {}", trunk_toml.display()))?;
    check_trunk_pin(&trunk_text, &wasm_bindgen_version)?;
    println!("    ok   Trunk.toml pins wasm-bindgen {wasm_bindgen_version}, as Cargo.lock does");
    let toolbox = Toolbox { root: root.to_path_buf(), path: tool_path(root)? };

    ensure_wasm_target(&toolbox)?;
    ensure_cargo_tool(
        &toolbox,
        CargoTool { crate_name: "trunk", version: TRUNK_VERSION, binaries: &["trunk"], locked: true },
    )?;
    // `cargo install --locked` fails for wasm-bindgen-cli here, so it resolves its own deps.
    ensure_cargo_tool(
        &toolbox,
        CargoTool {
            crate_name: "wasm-bindgen-cli",
            version: &wasm_bindgen_version,
            binaries: &["wasm-bindgen", "wasm-bindgen-test-runner"],
            locked: false,
        },
    )?;
    ensure_npm_tools(&toolbox, needs)?;
    if needs == Needs::BuildAndBrowser {
        ensure_browser()?;
    }
    println!(
        "<== tools: ready in {:.1}s (trunk {TRUNK_VERSION}, wasm-bindgen {wasm_bindgen_version}, wasm-opt {WASM_OPT_VERSION})",
        started.elapsed().as_secs_f64()
    );
    Ok(toolbox)
}

/// Makes sure `cargo fmt` and `cargo clippy` work (`rustup component add rustfmt clippy` when
/// either is missing) and that the wasm target is there, for clippy's wasm run.
pub fn ensure_lint_tools(root: &Path) -> Result<()> {
    let toolbox = Toolbox { root: root.to_path_buf(), path: tool_path(root)? };
    for (component, subcommand) in [("rustfmt", "fmt"), ("clippy", "clippy")] {
        if output_of(toolbox.cargo().args([subcommand, "--version"])).is_some() {
            println!("    ok   {component} (cargo {subcommand})");
            continue;
        }
        println!("    install {component} (rustup component add {component})");
        run(toolbox.command("rustup").args(["component", "add", component]), "rustup component add")?;
        if output_of(toolbox.cargo().args([subcommand, "--version"])).is_none() {
            bail!("`cargo {subcommand} --version` fails after `rustup component add {component}`");
        }
    }
    ensure_wasm_target(&toolbox)
}

/// The cargo binary running this xtask (`$CARGO`), else `cargo` from `PATH`.
pub fn cargo_bin() -> OsString {
    std::env::var_os("CARGO").unwrap_or_else(|| "cargo".into())
}

/// `$CARGO_HOME/bin`, by default `~/.cargo/bin`: where `cargo install` puts binaries.
fn cargo_home_bin() -> Option<PathBuf> {
    if let Some(home) = std::env::var_os("CARGO_HOME") {
        return Some(PathBuf::from(home).join("bin"));
    }
    std::env::var_os("HOME").map(|home| PathBuf::from(home).join(".cargo").join("bin"))
}

/// The npm tools' `.bin` folder.
pub fn npm_bin_dir(root: &Path) -> PathBuf {
    root.join(TOOLS_NPM_DIR).join("node_modules").join(".bin")
}

/// `PATH` with the npm tools first (so that no other `wasm-opt`, e.g. Debian's broken 108, wins)
/// and cargo's bin folder next.
fn tool_path(root: &Path) -> Result<OsString> {
    let mut dirs = vec![npm_bin_dir(root)];
    dirs.extend(cargo_home_bin());
    if let Some(path) = std::env::var_os("PATH") {
        dirs.extend(std::env::split_paths(&path));
    }
    std::env::join_paths(dirs).context("building PATH for the tools")
}

/// Reads the version of the `wasm-bindgen` crate from `Cargo.lock`.
pub fn wasm_bindgen_version_in_lock(lock: &Path) -> Result<String> {
    let text = std::fs::read_to_string(lock)
        .with_context(|| format!("reading {} (run `cargo generate-lockfile`?)", lock.display()))?;
    lock_version(&text, "wasm-bindgen").with_context(|| format!("in {}", lock.display()))
}

/// The version at which the text of a `Cargo.lock` locks package `name`; an error when the
/// package is missing or locked at more than one version.
pub fn lock_version(lock_text: &str, name: &str) -> Result<String> {
    let lock: toml::Table = lock_text.parse().context("not valid TOML")?;
    let packages = lock.get("package").and_then(toml::Value::as_array).map(Vec::as_slice).unwrap_or_default();
    let versions: Vec<&str> = packages
        .iter()
        .filter(|package| package.get("name").and_then(toml::Value::as_str) == Some(name))
        .filter_map(|package| package.get("version").and_then(toml::Value::as_str))
        .collect();
    match versions.as_slice() {
        [version] => Ok((*version).to_owned()),
        [] => bail!("no `{name}` package: the app must depend on {name}"),
        several => bail!("`{name}` is locked at several versions ({}): keep one", several.join(", ")),
    }
}

/// Checks that the text of `Trunk.toml` pins, in `[tools] wasm_bindgen`, the wasm-bindgen
/// version that `Cargo.lock` has (`lock_version`): Trunk runs a wasm-bindgen-cli of that pin on
/// a crate built with the locked one, and the two must be the same release.
pub fn check_trunk_pin(trunk_text: &str, lock_version: &str) -> Result<()> {
    let trunk: toml::Table = trunk_text.parse().context("Trunk.toml is not valid TOML")?;
    let fix = format!("wasm_bindgen = \"{lock_version}\"");
    let pinned = trunk.get("tools").and_then(|tools| tools.get("wasm_bindgen"));
    match pinned.map(|value| value.as_str()) {
        Some(Some(pinned)) if pinned == lock_version => Ok(()),
        Some(Some(pinned)) => bail!(
            "Trunk.toml [tools] wasm_bindgen is {pinned} but Cargo.lock has wasm-bindgen {lock_version}: \
             set {fix} in Trunk.toml"
        ),
        Some(None) => bail!("Trunk.toml [tools] wasm_bindgen is not a string: set {fix} in Trunk.toml"),
        None => bail!(
            "Trunk.toml has no [tools] wasm_bindgen, so Trunk would pick a wasm-bindgen of its own: \
             add {fix} under [tools] in Trunk.toml (the version Cargo.lock has)"
        ),
    }
}

/// Runs `cmd`, returning its trimmed stdout when it succeeds and `None` when it can't be started
/// or fails.
fn output_of(cmd: &mut Command) -> Option<String> {
    let out = cmd.stdin(Stdio::null()).stderr(Stdio::null()).output().ok()?;
    out.status.success().then(|| String::from_utf8_lossy(&out.stdout).trim().to_owned())
}

/// Runs `cmd` to completion with inherited output; fails with `what` when it fails.
pub fn run(cmd: &mut Command, what: &str) -> Result<()> {
    let status = cmd
        .stdin(Stdio::null())
        .status()
        .with_context(|| format!("{what}: could not start {:?}", cmd.get_program()))?;
    if !status.success() {
        bail!("{what} failed ({status})");
    }
    Ok(())
}

fn ensure_wasm_target(tb: &Toolbox) -> Result<()> {
    const TARGET: &str = "wasm32-unknown-unknown";
    let installed = output_of(tb.command("rustup").args(["target", "list", "--installed"]));
    match installed {
        Some(list) if list.lines().any(|l| l.trim() == TARGET) => {
            println!("    ok   rust target {TARGET}");
            Ok(())
        }
        Some(_) => {
            println!("    install rust target {TARGET} (rustup target add)");
            run(tb.command("rustup").args(["target", "add", TARGET]), "rustup target add")
        }
        None => {
            // No rustup: trust a toolchain that ships the target's std.
            let sysroot = output_of(tb.command("rustc").args(["--print", "sysroot"]))
                .context("neither rustup nor rustc found on PATH")?;
            let lib = Path::new(&sysroot).join("lib/rustlib").join(TARGET);
            if lib.is_dir() {
                println!("    ok   rust target {TARGET} (no rustup; found in sysroot)");
                Ok(())
            } else {
                bail!("the Rust target {TARGET} is missing and rustup is not available to add it")
            }
        }
    }
}

struct CargoTool<'a> {
    crate_name: &'a str,
    version: &'a str,
    binaries: &'a [&'a str],
    locked: bool,
}

/// `true` when `binary --version` prints `version` as a whole word.
fn has_version(tb: &Toolbox, binary: &str, version: &str) -> bool {
    output_of(tb.command(binary).arg("--version"))
        .map(|out| out.split_whitespace().any(|word| word == version))
        .unwrap_or(false)
}

fn ensure_cargo_tool(tb: &Toolbox, tool: CargoTool<'_>) -> Result<()> {
    let CargoTool { crate_name, version, binaries, locked } = tool;
    if binaries.iter().all(|b| has_version(tb, b, version)) {
        println!("    ok   {crate_name} {version} ({})", binaries.join(", "));
        return Ok(());
    }
    println!("    install {crate_name} {version} with cargo install (provides {}; takes minutes)", binaries.join(", "));
    let started = Instant::now();
    let mut cmd = tb.cargo();
    cmd.args(["install", crate_name, "--version", version, "--force"])
        // Much faster to build, and these tools don't need the last few percent of speed.
        .env("CARGO_PROFILE_RELEASE_LTO", "off")
        .env("CARGO_PROFILE_RELEASE_CODEGEN_UNITS", "16")
        // Build outside the workspace's target dir, with the workspace's settings left out.
        .current_dir(std::env::temp_dir());
    if locked {
        cmd.arg("--locked");
    }
    run(&mut cmd, &format!("cargo install {crate_name} {version}"))?;
    println!("    installed {crate_name} {version} in {:.0}s", started.elapsed().as_secs_f64());
    for b in binaries {
        if !has_version(tb, b, version) {
            bail!(
                "`{b} --version` does not report {version} after installing {crate_name}: is another \
                 `{b}` earlier on PATH than cargo's bin folder?"
            );
        }
    }
    Ok(())
}

/// `axe.min.js` of the pinned axe-core, for the end-to-end tests.
pub fn axe_core_js(root: &Path) -> PathBuf {
    root.join(TOOLS_NPM_DIR).join("node_modules").join("axe-core").join("axe.min.js")
}

/// Whether the axe-core in `xtask/tools-npm/node_modules` is the pinned one.
fn has_axe_core(root: &Path) -> bool {
    let package = root.join(TOOLS_NPM_DIR).join("node_modules").join("axe-core").join("package.json");
    let version = std::fs::read_to_string(package)
        .ok()
        .and_then(|text| serde_json::from_str::<serde_json::Value>(&text).ok())
        .and_then(|json| json["version"].as_str().map(str::to_owned));
    version.as_deref() == Some(AXE_CORE_VERSION) && axe_core_js(root).is_file()
}

/// `wasm-opt` (npm binaryen) and, for browser tests, axe-core: `npm ci` in `xtask/tools-npm/`
/// when either is missing or not the pinned version.
fn ensure_npm_tools(tb: &Toolbox, needs: Needs) -> Result<()> {
    let dir = tb.root.join(TOOLS_NPM_DIR);
    let wasm_opt = npm_bin_dir(&tb.root).join("wasm-opt");
    let wasm_opt_ok = || has_version(tb, wasm_opt.to_str().unwrap_or("wasm-opt"), &format!("({WASM_OPT_VERSION})"));
    let axe_ok = || needs != Needs::BuildAndBrowser || has_axe_core(&tb.root);
    if wasm_opt_ok() && axe_ok() {
        println!("    ok   wasm-opt {WASM_OPT_VERSION} (npm binaryen in {TOOLS_NPM_DIR})");
        if needs == Needs::BuildAndBrowser {
            println!("    ok   axe-core {AXE_CORE_VERSION} (npm, in {TOOLS_NPM_DIR})");
        }
        return Ok(());
    }
    if output_of(tb.command("npm").arg("--version")).is_none() {
        println!("    install node + npm (Debian packages nodejs npm), needed for wasm-opt and axe-core");
        apt_install(&["nodejs", "npm"])?;
    }
    println!("    install wasm-opt {WASM_OPT_VERSION} and axe-core {AXE_CORE_VERSION} (npm ci in {TOOLS_NPM_DIR})");
    run(
        tb.command("npm").args(["ci", "--no-audit", "--no-fund", "--loglevel=error"]).current_dir(&dir),
        "npm ci (xtask/tools-npm)",
    )?;
    if !wasm_opt_ok() {
        bail!("{} --version does not report {WASM_OPT_VERSION} after npm ci", wasm_opt.display());
    }
    if !axe_ok() {
        bail!("{} is not axe-core {AXE_CORE_VERSION} after npm ci", axe_core_js(&tb.root).display());
    }
    Ok(())
}

/// Path of the WebDriver binary the tests use: `$CHROMEDRIVER` or Debian's.
pub fn chromedriver_path() -> PathBuf {
    std::env::var_os("CHROMEDRIVER").map(PathBuf::from).unwrap_or_else(|| PathBuf::from(CHROMEDRIVER))
}

fn ensure_browser() -> Result<()> {
    let driver = chromedriver_path();
    let browser = Path::new(CHROMIUM);
    if driver.exists() && browser.exists() {
        println!("    ok   chromium + chromedriver ({})", driver.display());
        return Ok(());
    }
    println!("    install chromium + chromedriver (Debian packages chromium chromium-driver)");
    apt_install(&["chromium", "chromium-driver"])?;
    if !chromedriver_path().exists() || !browser.exists() {
        bail!("chromium-driver installed but {} or {CHROMIUM} still missing", chromedriver_path().display());
    }
    Ok(())
}

fn is_root() -> bool {
    output_of(Command::new("id").arg("-u")).as_deref() == Some("0")
}

/// Installs Debian packages: directly as root, else through `sudo -n`, else explains what to do.
fn apt_install(packages: &[&str]) -> Result<()> {
    let list = packages.join(" ");
    let prefix: Vec<&str> = if is_root() {
        vec![]
    } else if output_of(Command::new("sudo").args(["-n", "true"])).is_some() {
        vec!["sudo", "-n"]
    } else {
        bail!(
            "the Debian packages `{list}` are missing and this user can't install them \
             (not root, no password-less sudo). Install them with:\n    \
             sudo apt-get update && sudo apt-get install -y {list}"
        );
    };
    let apt = |args: &[&str]| -> Command {
        let mut argv: Vec<&str> = prefix.clone();
        argv.push("apt-get");
        argv.extend_from_slice(args);
        let mut cmd = Command::new(argv[0]);
        cmd.args(&argv[1..]).env("DEBIAN_FRONTEND", "noninteractive");
        cmd
    };
    let started = Instant::now();
    run(&mut apt(&["update", "-q"]), "apt-get update")?;
    let mut install = vec!["install", "-y", "-q", "--no-install-recommends"];
    install.extend_from_slice(packages);
    run(&mut apt(&install), &format!("apt-get install {list}"))?;
    println!("    installed {list} in {:.0}s", started.elapsed().as_secs_f64());
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::{check_trunk_pin, lock_version, wasm_bindgen_version_in_lock};

    const LOCK: &str = r#"
version = 4

[[package]]
name = "wasm-bindgen-backend"
version = "0.2.999"

[[package]]
name = "wasm-bindgen"
version = "0.2.130"
source = "registry+https://github.com/rust-lang/crates.io-index"
dependencies = [
 "wasm-bindgen-macro",
]
"#;

    #[test]
    fn reads_the_exact_package_version_from_the_lock_file() -> anyhow::Result<()> {
        assert_eq!(lock_version(LOCK, "wasm-bindgen")?, "0.2.130");
        let missing = lock_version(LOCK, "trunk").unwrap_err().to_string();
        assert!(missing.contains("no `trunk` package"), "{missing}");
        let two = format!("{LOCK}\n[[package]]\nname = \"wasm-bindgen\"\nversion = \"0.2.131\"\n");
        let several = lock_version(&two, "wasm-bindgen").unwrap_err().to_string();
        assert!(several.contains("0.2.130, 0.2.131"), "{several}");
        assert!(lock_version("[[package]\n", "wasm-bindgen").is_err());
        Ok(())
    }

    const TRUNK: &str = r#"
[build]
target = "index.html"

[tools]
# A comment.
wasm_bindgen = "0.2.130"
wasm_opt = "version_132"
"#;

    #[test]
    fn trunk_toml_must_pin_the_locked_wasm_bindgen() {
        assert!(check_trunk_pin(TRUNK, "0.2.130").is_ok());
        assert_eq!(
            check_trunk_pin(TRUNK, "0.2.131").unwrap_err().to_string(),
            "Trunk.toml [tools] wasm_bindgen is 0.2.130 but Cargo.lock has wasm-bindgen 0.2.131: \
             set wasm_bindgen = \"0.2.131\" in Trunk.toml"
        );
        let unpinned = TRUNK.replace("wasm_bindgen = \"0.2.130\"\n", "");
        let error = check_trunk_pin(&unpinned, "0.2.131").unwrap_err().to_string();
        assert!(error.contains("add wasm_bindgen = \"0.2.131\" under [tools] in Trunk.toml"), "{error}");
        let number = TRUNK.replace("\"0.2.130\"", "0.2");
        assert!(check_trunk_pin(&number, "0.2.130").is_err());
    }

    #[test]
    fn the_npm_lock_pins_the_axe_core_the_tests_inject() -> anyhow::Result<()> {
        let root = crate::workspace_root();
        let lock: serde_json::Value =
            serde_json::from_str(&std::fs::read_to_string(root.join(super::TOOLS_NPM_DIR).join("package-lock.json"))?)?;
        assert_eq!(lock["packages"]["node_modules/axe-core"]["version"], super::AXE_CORE_VERSION);
        Ok(())
    }

    #[test]
    fn the_repository_s_trunk_toml_pins_the_locked_wasm_bindgen() -> anyhow::Result<()> {
        let root = crate::workspace_root();
        let locked = wasm_bindgen_version_in_lock(&root.join("Cargo.lock"))?;
        check_trunk_pin(&std::fs::read_to_string(root.join("Trunk.toml"))?, &locked)
    }
}
