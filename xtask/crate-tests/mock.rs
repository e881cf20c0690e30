/// `mdxgen mock` as a child process, stopped when the test ends however it ends.
struct MdxgenMock(std::process::Child);

impl Drop for MdxgenMock {
    fn drop(&mut self) {
        let _ = self.0.kill();
        let _ = self.0.wait();
    }
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn the_client_calls_every_operation_of_mdxgen_mock() {
    use std::io::BufRead as _;
    let mut child = std::process::Command::new(MDXGEN_BIN)
        .args(["mock", "--port", "0", MOCK_PAGES])
        .stdout(std::process::Stdio::piped())
        .stderr(std::process::Stdio::null())
        .spawn()
        .expect("mdxgen mock starts");
    let stdout = child.stdout.take().expect("its stdout");
    let _mock = MdxgenMock(child);
    // It prints its routes, then `listening on http://ADDRESS` once it is bound.
    let url = std::io::BufReader::new(stdout)
        .lines()
        .map_while(Result::ok)
        .find_map(|line| line.strip_prefix("listening on ").map(str::to_owned))
        .expect("mdxgen mock says where it listens");
    let outcomes = calls::call_every_operation(&format!("{url}{BASE_PATH}")).await;
    let failures: Vec<&(&str, Result<(), String>)> = outcomes.iter().filter(|(_, r)| r.is_err()).collect();
    println!("MDXGEN MOCK round trip: {} of {} operations decoded their documented success", outcomes.len() - failures.len(), outcomes.len());
    assert!(failures.is_empty(), "operations that did not round-trip against mdxgen mock: {failures:#?}");
    assert!(outcomes.len() >= AT_LEAST, "only {} operations were called", outcomes.len());
}
