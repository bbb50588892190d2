//! A tiny static file server on 127.0.0.1 for serving a bundle to the browser.
//!
//! One thread accepts connections and one short-lived thread serves each of them.
//! Every response carries `Content-Length` and `Connection: close`, and the socket is
//! shut down gracefully, so Chromium never sees a truncated or hanging response.

use std::collections::HashMap;
use std::fs;
use std::io::{self, BufRead, BufReader, Read, Write};
use std::net::{Shutdown, SocketAddr, TcpListener, TcpStream};
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::{Arc, Mutex, OnceLock};
use std::thread::JoinHandle;
use std::time::Duration;

/// How long a connection may stay silent before the server gives up on it.
const IO_TIMEOUT: Duration = Duration::from_secs(10);
/// Longest request head accepted.
const MAX_HEAD_BYTES: usize = 16 * 1024;

/// One request the server answered, for assertions and diagnostics.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ServedRequest {
    /// The request target as sent, query string included.
    pub target: String,
    /// The status code sent back.
    pub status: u16,
}

/// A running static file server; it stops when dropped.
pub struct StaticServer {
    addr: SocketAddr,
    prefix: String,
    log: Arc<Mutex<Vec<ServedRequest>>>,
    stop: Arc<AtomicBool>,
    accept_thread: Option<JoinHandle<()>>,
}

/// What the server needs to answer a request.
struct Site {
    root: PathBuf,
    prefix: String,
    log: Arc<Mutex<Vec<ServedRequest>>>,
}

/// An answer before it is written out.
struct Reply {
    status: u16,
    headers: Vec<(&'static str, String)>,
    body: Vec<u8>,
}

impl StaticServer {
    /// Serves `root` at `prefix` (e.g. "/" or "/tools/faceid-price/") on an OS-assigned port.
    pub fn start(root: impl Into<PathBuf>, prefix: &str) -> io::Result<StaticServer> {
        let root = root.into();
        if !root.is_dir() {
            return Err(io::Error::new(
                io::ErrorKind::NotFound,
                format!("cannot serve {}: not a directory", root.display()),
            ));
        }
        let listener = TcpListener::bind("127.0.0.1:0")?;
        let addr = listener.local_addr()?;
        let prefix = normalize_prefix(prefix);
        let log = Arc::default();
        let stop = Arc::new(AtomicBool::new(false));
        let site = Arc::new(Site {
            root,
            prefix: prefix.clone(),
            log: Arc::clone(&log),
        });
        let stop_flag = Arc::clone(&stop);
        let accept_thread = std::thread::Builder::new()
            .name(format!("e2e-server-{}", addr.port()))
            .spawn(move || accept_loop(listener, site, stop_flag))?;
        Ok(StaticServer {
            addr,
            prefix,
            log,
            stop,
            accept_thread: Some(accept_thread),
        })
    }

    /// The socket address the server listens on.
    pub fn addr(&self) -> SocketAddr {
        self.addr
    }

    /// The URL of the served root, ending in the prefix, e.g. `http://127.0.0.1:4242/tools/x/`.
    pub fn base_url(&self) -> String {
        format!("http://{}{}", self.addr, self.prefix)
    }

    /// The requests answered so far, oldest first.
    pub fn requests(&self) -> Vec<ServedRequest> {
        lock(&self.log).clone()
    }
}

impl Drop for StaticServer {
    fn drop(&mut self) {
        self.stop.store(true, Ordering::SeqCst);
        // Wake the blocking accept() so that the thread sees the flag.
        let _ = TcpStream::connect_timeout(&self.addr, Duration::from_secs(1));
        if let Some(thread) = self.accept_thread.take() {
            let _ = thread.join();
        }
    }
}

/// Builds the bundle for `public_url` and serves it under that prefix, once per test process.
pub fn bundle_server(public_url: &str) -> &'static StaticServer {
    static SERVERS: OnceLock<Mutex<HashMap<String, &'static StaticServer>>> = OnceLock::new();
    let dist = crate::bundle::dist_for(public_url);
    let mut servers = lock(SERVERS.get_or_init(Mutex::default));
    servers.entry(public_url.to_owned()).or_insert_with(|| {
        let server = StaticServer::start(dist, public_url)
            .unwrap_or_else(|e| panic!("cannot serve the bundle {}: {e}", dist.display()));
        Box::leak(Box::new(server))
    })
}

fn accept_loop(listener: TcpListener, site: Arc<Site>, stop: Arc<AtomicBool>) {
    for stream in listener.incoming() {
        if stop.load(Ordering::SeqCst) {
            return;
        }
        let Ok(stream) = stream else { continue };
        let site = Arc::clone(&site);
        std::thread::spawn(move || {
            // A client that goes away mid-response is not the server's problem.
            let _ = serve_connection(stream, &site);
        });
    }
}

fn serve_connection(stream: TcpStream, site: &Site) -> io::Result<()> {
    stream.set_read_timeout(Some(IO_TIMEOUT))?;
    stream.set_write_timeout(Some(IO_TIMEOUT))?;
    let mut reader = BufReader::new(stream);
    let reply = match read_request_line(&mut reader)? {
        Some((method, target)) => {
            let reply = answer(site, &method, &target);
            lock(&site.log).push(ServedRequest {
                target,
                status: reply.status,
            });
            if method == "HEAD" {
                Reply {
                    body: Vec::new(),
                    ..reply
                }
            } else {
                reply
            }
        }
        None => text_reply(400, "bad request"),
    };
    let mut stream = reader.into_inner();
    stream.write_all(&reply.to_bytes())?;
    stream.flush()?;
    close_gracefully(stream)
}

/// Reads the request head; returns its method and target, or None if it is malformed.
fn read_request_line(reader: &mut impl BufRead) -> io::Result<Option<(String, String)>> {
    let mut request_line = String::new();
    reader.read_line(&mut request_line)?;
    let mut total = request_line.len();
    loop {
        let mut header = String::new();
        let n = reader.read_line(&mut header)?;
        total += n;
        if n == 0 || header.trim_end().is_empty() || total > MAX_HEAD_BYTES {
            break;
        }
    }
    let mut parts = request_line.split_whitespace();
    Ok(match (parts.next(), parts.next(), parts.next()) {
        (Some(method), Some(target), Some(version)) if version.starts_with("HTTP/") => {
            Some((method.to_owned(), target.to_owned()))
        }
        _ => None,
    })
}

/// Half-closes, then drains what the client still sends, so the close never becomes a reset.
fn close_gracefully(mut stream: TcpStream) -> io::Result<()> {
    stream.shutdown(Shutdown::Write)?;
    stream.set_read_timeout(Some(Duration::from_secs(2)))?;
    let mut sink = [0u8; 1024];
    while matches!(stream.read(&mut sink), Ok(n) if n > 0) {}
    Ok(())
}

fn answer(site: &Site, method: &str, target: &str) -> Reply {
    if method != "GET" && method != "HEAD" {
        return text_reply(405, "only GET and HEAD are served");
    }
    let path = target.split(['?', '#']).next().unwrap_or("");
    let Some(path) = percent_decode(path) else {
        return text_reply(400, "bad percent-encoding");
    };
    if path.split('/').any(|segment| segment == "..") {
        return text_reply(403, "`..` is not allowed");
    }
    if format!("{path}/") == site.prefix {
        return redirect(&site.prefix);
    }
    let Some(relative) = path.strip_prefix(&site.prefix) else {
        return text_reply(404, "outside the served prefix");
    };
    file_reply(&resolve(&site.root, relative))
}

/// Maps a decoded path below the prefix to a file under `root`; directories mean index.html.
fn resolve(root: &Path, relative: &str) -> PathBuf {
    let mut file = root.to_path_buf();
    file.extend(relative.split('/').filter(|s| !s.is_empty() && *s != "."));
    if file.is_dir() {
        file.push("index.html");
    }
    file
}

fn file_reply(file: &Path) -> Reply {
    match fs::read(file) {
        Ok(body) => Reply {
            status: 200,
            headers: vec![
                ("Content-Type", content_type(file).to_owned()),
                ("Cache-Control", "no-store".to_owned()),
            ],
            body,
        },
        Err(_) => text_reply(404, "not found"),
    }
}

/// The Content-Type for a file, from its extension.
fn content_type(file: &Path) -> &'static str {
    let extension = file.extension().and_then(|e| e.to_str()).unwrap_or("");
    match extension.to_ascii_lowercase().as_str() {
        "html" | "htm" => "text/html; charset=utf-8",
        "js" | "mjs" => "text/javascript; charset=utf-8",
        "wasm" => "application/wasm",
        "css" => "text/css; charset=utf-8",
        "svg" => "image/svg+xml",
        "json" | "map" => "application/json",
        "webmanifest" => "application/manifest+json",
        "png" => "image/png",
        "ico" => "image/x-icon",
        "txt" => "text/plain; charset=utf-8",
        "woff2" => "font/woff2",
        _ => "application/octet-stream",
    }
}

fn redirect(location: &str) -> Reply {
    Reply {
        status: 301,
        headers: vec![("Location", location.to_owned())],
        body: Vec::new(),
    }
}

fn text_reply(status: u16, message: &str) -> Reply {
    Reply {
        status,
        headers: vec![("Content-Type", "text/plain; charset=utf-8".to_owned())],
        body: format!("{status} {message}\n").into_bytes(),
    }
}

impl Reply {
    fn to_bytes(&self) -> Vec<u8> {
        let mut head = format!("HTTP/1.1 {} {}\r\n", self.status, reason(self.status));
        for (name, value) in &self.headers {
            head.push_str(&format!("{name}: {value}\r\n"));
        }
        head.push_str(&format!(
            "Content-Length: {}\r\nConnection: close\r\n\r\n",
            self.body.len()
        ));
        [head.as_bytes(), &self.body].concat()
    }
}

fn reason(status: u16) -> &'static str {
    match status {
        200 => "OK",
        301 => "Moved Permanently",
        400 => "Bad Request",
        403 => "Forbidden",
        404 => "Not Found",
        405 => "Method Not Allowed",
        _ => "",
    }
}

/// Turns "", "x", "/x" or "/x/" into "/" or "/x/".
fn normalize_prefix(prefix: &str) -> String {
    let trimmed = prefix.trim_matches('/');
    if trimmed.is_empty() {
        "/".to_owned()
    } else {
        format!("/{trimmed}/")
    }
}

/// Decodes `%XX` escapes; None if an escape is malformed or the result is not UTF-8.
fn percent_decode(path: &str) -> Option<String> {
    let bytes = path.as_bytes();
    let mut out = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while i < bytes.len() {
        if bytes[i] == b'%' {
            let hex = std::str::from_utf8(bytes.get(i + 1..i + 3)?).ok()?;
            out.push(u8::from_str_radix(hex, 16).ok()?);
            i += 3;
        } else {
            out.push(bytes[i]);
            i += 1;
        }
    }
    String::from_utf8(out).ok()
}

fn lock<T>(mutex: &Mutex<T>) -> std::sync::MutexGuard<'_, T> {
    mutex
        .lock()
        .unwrap_or_else(|poisoned| poisoned.into_inner())
}

/// A raw HTTP/1.1 GET from `server`, as a client that runs no script sees it:
/// the status, the value of `header`, and the body. Panics on a broken response.
pub fn get(server: &StaticServer, target: &str, header: &str) -> (u16, Option<String>, Vec<u8>) {
    let mut stream = TcpStream::connect(server.addr()).expect("the test server accepts");
    stream
        .set_read_timeout(Some(Duration::from_secs(5)))
        .expect("a read timeout can be set");
    let request = format!("GET {target} HTTP/1.1\r\nHost: {}\r\n\r\n", server.addr());
    stream
        .write_all(request.as_bytes())
        .expect("the request is sent");
    let mut raw = Vec::new();
    stream.read_to_end(&mut raw).expect("the response is read");
    let split = raw
        .windows(4)
        .position(|w| w == b"\r\n\r\n")
        .expect("the response has a head");
    let head = String::from_utf8_lossy(&raw[..split]).into_owned();
    let status = head
        .split(' ')
        .nth(1)
        .and_then(|code| code.parse().ok())
        .expect("the response has a status");
    let value = head.lines().find_map(|line| {
        let (name, value) = line.split_once(':')?;
        name.eq_ignore_ascii_case(header)
            .then(|| value.trim().to_owned())
    });
    (status, value, raw[split + 4..].to_vec())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn decodes_percent_escapes() {
        assert_eq!(percent_decode("/a%20b/%C3%A9").as_deref(), Some("/a b/é"));
        assert_eq!(percent_decode("/%2e%2e/x").as_deref(), Some("/../x"));
        assert_eq!(percent_decode("/bad%4"), None);
        assert_eq!(percent_decode("/bad%zz"), None);
    }

    #[test]
    fn normalizes_prefixes() {
        assert_eq!(normalize_prefix(""), "/");
        assert_eq!(normalize_prefix("/"), "/");
        assert_eq!(normalize_prefix("tools/x"), "/tools/x/");
        assert_eq!(normalize_prefix("/tools/x/"), "/tools/x/");
    }

    #[test]
    fn picks_content_types() {
        assert_eq!(content_type(Path::new("a/app_bg.wasm")), "application/wasm");
        assert_eq!(
            content_type(Path::new("index.HTML")),
            "text/html; charset=utf-8"
        );
        assert_eq!(content_type(Path::new("icon.svg")), "image/svg+xml");
    }
}
