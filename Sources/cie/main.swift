import CIECommands
import Foundation

// A closed stdout (`cie … | head`) must end the process quietly, not with a signal.
signal(SIGPIPE, SIG_IGN)
exit(CIE.main(Array(CommandLine.arguments.dropFirst())))
