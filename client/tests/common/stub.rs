//! A loopback HTTP/1.1 stub server for the client's tests: it records each request and answers
//! with what the test's handler returns for it (and the count of requests before it).

use std::sync::{Arc, Mutex};
use tokio::io::{AsyncReadExt, AsyncWriteExt};
use tokio::net::{TcpListener, TcpStream};

#[derive(Debug, Clone)]
pub struct Recorded {
    pub method: String,
    /// Path and query.
    pub target: String,
    pub headers: Vec<(String, String)>,
    pub body: Vec<u8>,
}

impl Recorded {
    pub fn header(&self, name: &str) -> Option<&str> {
        self.headers
            .iter()
            .find(|(n, _)| n.eq_ignore_ascii_case(name))
            .map(|(_, v)| v.as_str())
    }
}

/// A canned answer: status, headers, body.
pub type Answer = (u16, Vec<(&'static str, String)>, Vec<u8>);

pub struct Stub {
    pub url: String,
    pub requests: Arc<Mutex<Vec<Recorded>>>,
}

impl Stub {
    pub fn recorded(&self) -> Vec<Recorded> {
        self.requests.lock().expect("not poisoned").clone()
    }
}

/// Starts the stub on a free loopback port; it runs until the test's runtime ends.
pub async fn start<F>(handler: F) -> Stub
where
    F: Fn(&Recorded, usize) -> Answer + Send + Sync + 'static,
{
    let listener = TcpListener::bind("127.0.0.1:0")
        .await
        .expect("a loopback port");
    let url = format!("http://{}", listener.local_addr().expect("an address"));
    let requests = Arc::new(Mutex::new(Vec::new()));
    let handler = Arc::new(handler);
    let seen = requests.clone();
    tokio::spawn(async move {
        while let Ok((stream, _)) = listener.accept().await {
            let (seen, handler) = (seen.clone(), handler.clone());
            tokio::spawn(async move { serve(stream, &seen, &*handler).await });
        }
    });
    Stub { url, requests }
}

/// One request per connection, then close: enough for a client that pools and reconnects.
async fn serve<F>(mut stream: TcpStream, seen: &Mutex<Vec<Recorded>>, handler: &F)
where
    F: Fn(&Recorded, usize) -> Answer,
{
    let mut buffer = Vec::new();
    let mut chunk = [0u8; 8192];
    let head_end = loop {
        if let Some(i) = buffer.windows(4).position(|w| w == b"\r\n\r\n") {
            break i;
        }
        match stream.read(&mut chunk).await {
            Ok(0) | Err(_) => return,
            Ok(n) => buffer.extend_from_slice(&chunk[..n]),
        }
    };
    let head = String::from_utf8_lossy(&buffer[..head_end]).into_owned();
    let mut lines = head.split("\r\n");
    let mut first = lines.next().unwrap_or_default().split(' ');
    let (method, target) = (
        first.next().unwrap_or_default(),
        first.next().unwrap_or_default(),
    );
    let headers: Vec<(String, String)> = lines
        .filter_map(|l| l.split_once(':'))
        .map(|(n, v)| (n.trim().to_owned(), v.trim().to_owned()))
        .collect();
    let length: usize = headers
        .iter()
        .find(|(n, _)| n.eq_ignore_ascii_case("content-length"))
        .and_then(|(_, v)| v.parse().ok())
        .unwrap_or(0);
    let mut body = buffer[head_end + 4..].to_vec();
    while body.len() < length {
        match stream.read(&mut chunk).await {
            Ok(0) | Err(_) => return,
            Ok(n) => body.extend_from_slice(&chunk[..n]),
        }
    }
    let request = Recorded {
        method: method.to_owned(),
        target: target.to_owned(),
        headers,
        body,
    };
    let index = {
        let mut seen = seen.lock().expect("not poisoned");
        seen.push(request.clone());
        seen.len() - 1
    };
    let (status, headers, body) = handler(&request, index);
    let mut response = format!(
        "HTTP/1.1 {status} X\r\ncontent-length: {}\r\nconnection: close\r\n",
        body.len()
    );
    for (name, value) in headers {
        response.push_str(&format!("{name}: {value}\r\n"));
    }
    response.push_str("\r\n");
    let _ = stream.write_all(response.as_bytes()).await;
    let _ = stream.write_all(&body).await;
    let _ = stream.shutdown().await;
}

/// A JSON answer with status 200.
pub fn ok_json(body: &str) -> Answer {
    (
        200,
        vec![("content-type", "application/json".to_owned())],
        body.as_bytes().to_vec(),
    )
}
