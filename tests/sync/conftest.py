from tests.cli.test_cli import pdf_file  # noqa: F401
from tests.sync.stations import _stations_template, shared, station_a, station_b, team_file  # noqa: F401
