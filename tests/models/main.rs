//! Model sources (issue 18), one test binary for the three kinds of server and the window's asking: real HTTP
//! servers on loopback (`common::loopback`) replaying answers of each protocol's real shapes.

#[path = "../common/mod.rs"]
mod common;
// The example ML backend, served by the tests on a free port.
#[path = "../../examples/ml_backend.rs"]
mod ml_backend;

mod asking;
mod openai;
mod servers;
