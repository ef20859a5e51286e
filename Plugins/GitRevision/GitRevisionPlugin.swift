import Foundation
import PackagePlugin

/// Writes `GitRevision.swift` (`let gitRevision = "1a2b3c4"`, `-dirty` with local changes,
/// `unknown` outside a git checkout) before each build of the target, so `parley --version`
/// names the exact source it was built from. The file is rewritten only when the revision
/// changes, so an unchanged revision recompiles nothing.
@main
struct GitRevisionPlugin: BuildToolPlugin {
    func createBuildCommands(context: PluginContext, target: Target) throws -> [Command] {
        let folder = context.pluginWorkDirectoryURL.appending(path: "GitRevision")
        let output = folder.appending(path: "GitRevision.swift")
        let script = """
            mkdir -p "$2"
            rev=$(git -C "$1" describe --always --dirty --abbrev=10 2>/dev/null || echo unknown)
            printf '/// The git revision this binary was built from (written by the GitRevision plugin).\\nlet gitRevision = "%s"\\n' "$rev" > "$3.tmp"
            if cmp -s "$3.tmp" "$3"; then rm -f "$3.tmp"; else mv -f "$3.tmp" "$3"; fi
            """
        return [
            .prebuildCommand(
                displayName: "Recording the git revision",
                executable: URL(fileURLWithPath: "/bin/sh"),
                arguments: ["-c", script, "sh", context.package.directoryURL.path, folder.path, output.path],
                outputFilesDirectory: folder
            )
        ]
    }
}
