"""Never finishes importing: stubgen's timeout must end the describe step."""

import time

time.sleep(600)


def never() -> None:
    pass
