// golden tests: a stand-in for assets/tasks.js, so its hashed name stays put
