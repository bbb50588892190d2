//! The accessibility audit: axe-core, from the npm package that
//! `scripts/setup-test.sh` installs, injected into the page under test.

use std::path::PathBuf;
use std::process::Command;
use std::sync::OnceLock;

use serde_json::Value;

use crate::Browser;

/// One rule the page breaks, with where.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Violation {
    /// The axe rule, e.g. "color-contrast".
    pub rule: String,
    /// "minor", "moderate", "serious" or "critical".
    pub impact: String,
    /// The rule's one-line description.
    pub help: String,
    /// CSS selectors of the offending elements.
    pub targets: Vec<String>,
    /// axe's account of what is wrong with the first of them.
    pub summary: String,
}

impl Violation {
    /// Whether the bar fails on it: serious or critical impact.
    pub fn is_serious(&self) -> bool {
        matches!(self.impact.as_str(), "serious" | "critical")
    }
}

/// Runs every axe-core rule on the current page and returns what it breaks.
pub fn audit(browser: &Browser) -> Vec<Violation> {
    let script = format!(
        "{}\nreturn axe.run(document, {{ resultTypes: ['violations'] }}).then(r => r.violations.map(v => ({{ rule: v.id, impact: v.impact || 'unknown', help: v.help, targets: v.nodes.map(n => n.target.join(' ')), summary: (v.nodes[0] && v.nodes[0].failureSummary) || '' }})));",
        source()
    );
    let found = browser.execute(&script, &[]);
    let Value::Array(found) = found else {
        panic!("axe returned no list of violations: {found}");
    };
    found.iter().map(violation).collect()
}

fn violation(value: &Value) -> Violation {
    let text = |key: &str| value[key].as_str().unwrap_or_default().to_owned();
    let targets = value["targets"].as_array().into_iter().flatten();
    Violation {
        rule: text("rule"),
        impact: text("impact"),
        help: text("help"),
        targets: targets
            .filter_map(|t| t.as_str().map(str::to_owned))
            .collect(),
        summary: text("summary"),
    }
}

/// axe-core's script, read once from the global npm folder.
fn source() -> &'static str {
    static SOURCE: OnceLock<Result<String, String>> = OnceLock::new();
    let loaded = SOURCE.get_or_init(|| {
        let file = npm_global_root()?.join("axe-core/axe.min.js");
        std::fs::read_to_string(&file).map_err(|e| {
            format!(
                "cannot read {}: {e} (run scripts/setup-test.sh)",
                file.display()
            )
        })
    });
    match loaded {
        Ok(source) => source,
        Err(message) => panic!("{message}"),
    }
}

fn npm_global_root() -> Result<PathBuf, String> {
    let output = Command::new("npm")
        .args(["root", "--global"])
        .output()
        .map_err(|e| format!("cannot run npm to find axe-core: {e} (run scripts/setup-test.sh)"))?;
    if !output.status.success() {
        return Err("`npm root --global` failed (run scripts/setup-test.sh)".to_owned());
    }
    Ok(PathBuf::from(
        String::from_utf8_lossy(&output.stdout).trim(),
    ))
}
