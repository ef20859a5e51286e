/// parley: the command. It reads the command line with swift-argument-parser, checks the
/// options that only make sense together, and hands a `LaunchOptions` to ParleyREPL's
/// `Launcher`; `--version` names the git revision the `GitRevision` plugin recorded.
