//! Builds the release bundle with `trunk`, once per test process and public URL.
//!
//! Set `E2E_DIST` to an existing bundle (built for public URL "/") to skip the build;
//! a relative `E2E_DIST` is taken from the workspace root.

use std::collections::HashMap;
use std::io::ErrorKind;
use std::path::{Path, PathBuf};
use std::process::{Command, Output};
use std::sync::{Mutex, OnceLock};

/// Environment variable naming a prebuilt bundle for public URL "/".
pub const DIST_ENV: &str = "E2E_DIST";

/// Variables that `cargo test` sets for this crate's tests (besides `CARGO_PKG_*`), kept
/// away from the nested `cargo build` that trunk runs.
const CARGO_TEST_VARS: &[&str] = &[
    "CARGO_MANIFEST_DIR",
    "CARGO_MANIFEST_PATH",
    "CARGO_CRATE_NAME",
    "CARGO_PRIMARY_PACKAGE",
    "CARGO_TARGET_TMPDIR",
];

/// The bundle built for public URL "/" (or `E2E_DIST`), built at most once per process.
pub fn dist() -> &'static Path {
    dist_for("/")
}

/// The bundle built with `trunk build --release --public-url <public_url>`, once per process.
///
/// Panics with trunk's output if the build fails; later calls fail fast with the same message.
pub fn dist_for(public_url: &str) -> &'static Path {
    type Builds = Mutex<HashMap<String, Result<&'static Path, String>>>;
    static BUILDS: OnceLock<Builds> = OnceLock::new();
    let mut builds = BUILDS
        .get_or_init(Mutex::default)
        .lock()
        .unwrap_or_else(|poisoned| poisoned.into_inner());
    let outcome = builds.entry(public_url.to_owned()).or_insert_with(|| {
        locate_or_build(public_url).map(|dir| &*Box::leak(dir.into_boxed_path()))
    });
    match outcome {
        Ok(dir) => dir,
        Err(message) => panic!("{message}"),
    }
}

/// Where the bundle for `public_url` is built: `target/e2e-dist`, or `target/e2e-dist-<slug>`.
pub fn dist_dir(public_url: &str) -> PathBuf {
    let slug: String = public_url
        .trim_matches('/')
        .chars()
        .map(|c| if c.is_ascii_alphanumeric() { c } else { '-' })
        .collect();
    let name = if slug.is_empty() {
        "e2e-dist".to_owned()
    } else {
        format!("e2e-dist-{slug}")
    };
    crate::workspace_root().join("target").join(name)
}

fn locate_or_build(public_url: &str) -> Result<PathBuf, String> {
    match std::env::var_os(DIST_ENV) {
        Some(dir) if public_url == "/" && !dir.is_empty() => {
            let dir = crate::workspace_root().join(dir);
            check_bundle(&dir).map_err(|e| format!("{DIST_ENV}: {e}"))?;
            Ok(dir)
        }
        _ => build(public_url),
    }
}

fn build(public_url: &str) -> Result<PathBuf, String> {
    let dist = dist_dir(public_url);
    // The release build as `make dist` makes it (its stages, toolchain and flags).
    let mut trunk = Command::new("python3");
    trunk
        .args([
            "scripts/dist.py",
            "build",
            "--public-url",
            public_url,
            "--dist",
        ])
        .arg(&dist)
        .current_dir(crate::workspace_root());
    for (name, _) in std::env::vars_os() {
        let name_str = name.to_string_lossy();
        if name_str.starts_with("CARGO_PKG_") || CARGO_TEST_VARS.contains(&&*name_str) {
            trunk.env_remove(&name);
        }
    }
    let output = trunk.output().map_err(|e| match e.kind() {
        ErrorKind::NotFound => "`python3` is not on PATH".to_owned(),
        _ => format!("cannot run scripts/dist.py: {e}"),
    })?;
    if !output.status.success() {
        return Err(format!(
            "`scripts/dist.py build --public-url {public_url}` failed ({}):\n{}",
            output.status,
            output_tail(&output, 60)
        ));
    }
    check_bundle(&dist)?;
    Ok(dist)
}

fn check_bundle(dir: &Path) -> Result<(), String> {
    if dir.join("index.html").is_file() {
        Ok(())
    } else {
        Err(format!(
            "no index.html in bundle directory {}",
            dir.display()
        ))
    }
}

/// The last `lines` lines of a process's stdout and stderr.
fn output_tail(output: &Output, lines: usize) -> String {
    let text = format!(
        "{}{}",
        String::from_utf8_lossy(&output.stdout),
        String::from_utf8_lossy(&output.stderr)
    );
    let all: Vec<&str> = text.lines().collect();
    all[all.len().saturating_sub(lines)..].join("\n")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_dist_dirs_after_the_public_url() {
        assert!(dist_dir("/").ends_with("target/e2e-dist"));
        assert!(dist_dir("/tools/faceid-price/").ends_with("target/e2e-dist-tools-faceid-price"));
    }
}
