// Loaded before every test file (bunfig.toml): tests run quietly unless LOG_LEVEL asks otherwise.
process.env.LOG_LEVEL ??= 'silent'
