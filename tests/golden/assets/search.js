// golden tests: a stand-in for assets/search.js, so its hashed name stays put
