//! moto, a real implementation of the ECS and Batch APIs, as a server on a free loopback port:
//! installed on first use into a virtualenv under the target directory (`pip install
//! 'moto[server]==VERSION'`), or `AWSGEN_MOTO_PYTHON`; stopped when the handle drops.

use std::net::{SocketAddr, TcpListener, TcpStream};
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

pub const VERSION: &str = "5.2.5";

pub struct Moto {
    child: Child,
    pub url: String,
}

impl Drop for Moto {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

fn has_moto(python: &Path) -> bool {
    Command::new(python)
        .args(["-c", "import moto.server, flask"])
        .output()
        .is_ok_and(|o| o.status.success())
}

/// A Python with moto's server; `Err` says why there is none.
pub fn python() -> Result<PathBuf, String> {
    if let Some(python) = std::env::var_os("AWSGEN_MOTO_PYTHON") {
        let python = PathBuf::from(python);
        return match has_moto(&python) {
            true => Ok(python),
            false => Err("AWSGEN_MOTO_PYTHON has no moto server".into()),
        };
    }
    // Tests of one binary run in parallel: one of them installs, the others wait for it.
    static INSTALL: std::sync::Mutex<()> = std::sync::Mutex::new(());
    let _installing = INSTALL.lock().unwrap_or_else(|e| e.into_inner());
    let package = format!("moto[server]=={VERSION}");
    super::botocore::venv_python(&format!("moto-{VERSION}"), &package, has_moto)
}

/// Starts moto's server on a free loopback port and waits until it accepts connections.
pub fn start() -> Result<Moto, String> {
    let python = python()?;
    let port = TcpListener::bind("127.0.0.1:0")
        .and_then(|l| l.local_addr())
        .map_err(|e| format!("no free port: {e}"))?
        .port();
    let child = Command::new(&python)
        .args([
            "-m",
            "moto.server",
            "-H",
            "127.0.0.1",
            "-p",
            &port.to_string(),
        ])
        .stdin(Stdio::null())
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .spawn()
        .map_err(|e| format!("cannot start moto: {e}"))?;
    let moto = Moto {
        child,
        url: format!("http://127.0.0.1:{port}"),
    };
    let address = SocketAddr::from(([127, 0, 0, 1], port));
    let started = Instant::now();
    while started.elapsed() < Duration::from_secs(60) {
        if TcpStream::connect_timeout(&address, Duration::from_millis(200)).is_ok() {
            return Ok(moto);
        }
        std::thread::sleep(Duration::from_millis(100));
    }
    Err("moto did not start listening within 60 s".into())
}

/// moto, or a skip (outside CI) / a failure (CI) saying why not.
pub fn start_or_skip() -> Option<Moto> {
    match start() {
        Ok(moto) => Some(moto),
        Err(e) if !super::ci() => {
            eprintln!("skipped: {e}");
            None
        }
        Err(e) => panic!("moto is needed (CI=true): {e}"),
    }
}

/// A client for moto: its URL as the endpoint, moto's dummy credentials, short backoffs.
pub fn client(url: &str) -> awsgen_client::Client {
    let credentials = awsgen_client::Credentials::new("testing", "testing", None);
    awsgen_client::Client::builder(Default::default())
        .region("us-east-1")
        .endpoint_url(url)
        .credentials(std::sync::Arc::new(credentials))
        .retry(awsgen_client::retry::RetryConfig {
            initial_backoff: Duration::from_millis(10),
            ..Default::default()
        })
        .build()
        .expect("a client")
}
