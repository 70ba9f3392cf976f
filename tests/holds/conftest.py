from tests.cli.test_cli import cli, home, initialised, initialised_template  # noqa: F401
