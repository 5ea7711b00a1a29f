# The command line as a user meets it (tests/cli/):
#   cli.help     every command and subcommand has help, by `help CMD`, `CMD --help` and `-h`
#   cli.docs     the man page and bash completion cover every option and model
#   cli.readme   every command in README.md's shell blocks runs (read from the README itself)
#   cli.install  `cmake --install` into a temporary prefix works, moved elsewhere, README included
set(CLI_DIR ${CMAKE_CURRENT_LIST_DIR})
add_test(NAME cli.help COMMAND ${CLI_DIR}/help.sh $<TARGET_FILE:snapsim>)
add_test(NAME cli.docs COMMAND ${CLI_DIR}/docs_check.sh $<TARGET_FILE:snapsim>
                               ${CMAKE_SOURCE_DIR}/docs/snapsim.1
                               ${CMAKE_SOURCE_DIR}/scripts/snapsim.bash-completion)
add_test(NAME cli.readme COMMAND ${CLI_DIR}/readme_commands.sh $<TARGET_FILE:snapsim>
                                 ${CMAKE_SOURCE_DIR}/README.md ${CMAKE_BINARY_DIR}/readme-work)
add_test(NAME cli.install COMMAND ${CLI_DIR}/install_check.sh ${CMAKE_BINARY_DIR}
                                  ${CMAKE_SOURCE_DIR}/README.md ${CMAKE_BINARY_DIR}/install-work)
set_tests_properties(cli.help cli.docs cli.readme cli.install PROPERTIES LABELS "cli")
