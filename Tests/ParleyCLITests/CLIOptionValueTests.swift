import Foundation
import Testing

/// Bad values for numeric options and `--param`: usage errors (status 2) that name the option,
/// the value and what is accepted; parameter values positioned in what was typed.
@Suite("Command line: bad numbers and parameters")
struct CLIOptionValueTests {
    @Test("every numeric option rejects a negative or non-numeric value by name, with status 2", arguments: [
        (["--width", "-1"], "Error: --width must be a whole number, 0 or more (0: never cut), not '-1'."),
        (["--width=-1"], "Error: --width must be a whole number, 0 or more (0: never cut), not '-1'."),
        (["--width", "abc"], "Error: --width must be a whole number, 0 or more (0: never cut), not 'abc'."),
        (["--max-rows", "-5"], "Error: --max-rows must be a whole number, 0 or more (0: no limit), not '-5'."),
        (["--max-rows", "1e3"], "Error: --max-rows must be a whole number, 0 or more (0: no limit), not '1e3'."),
        (["--max-memory", "-5"], "Error: --max-memory must be a size such as 512M, 4G or 0 (no limit), not '-5'."),
    ])
    func badNumbers(_ option: [String], _ message: String) throws {
        let outcome = try CLIRunner.run(["--empty", "--no-rc"] + option + ["-c", "RETURN 1"])
        #expect(outcome.status == 2)
        #expect(outcome.stderr.hasPrefix(message + "\n"), "\(outcome.stderr)")
        #expect(outcome.stdout.isEmpty)
    }

    @Test("--param names: a bad or missing one is a usage error; a backquoted one works")
    func paramNames() throws {
        for (argument, message) in [("a b=1", "'a b' is not a parameter name"), ("=1", "the parameter name before '=' is missing"),
                                    ("$=1", "the parameter name before '=' is missing"), ("x=", "the value after '=' is missing")] {
            let outcome = try CLIRunner.run(["--empty", "--no-rc", "--param", argument, "-c", "RETURN 1"])
            #expect(outcome.status == 2, "\(argument)")
            #expect(outcome.stderr.contains(message), "\(outcome.stderr)")
        }
        let quoted = try CLIRunner.run(["--empty", "--no-rc", "--format", "csv", "--param", "`home town`='Astana'", "-c", "RETURN $`home town` AS t"])
        #expect(quoted.status == 0, "\(quoted.stderr)")
        #expect(quoted.stdout == "t\r\nAstana\r\n")
    }

    @Test("a --param value error points into the value, not into a RETURN wrapper")
    func paramValueError() throws {
        let outcome = try CLIRunner.run(["--empty", "--no-rc", "--param", "x=[1,", "-c", "RETURN $x"])
        #expect(outcome.status == 2)
        #expect(outcome.stderr == "--param x:1:4: error[SyntaxError.UnexpectedSyntax]: Invalid input: unexpected end of input: expected an expression\n[1,\n   ^\n")
    }
}
