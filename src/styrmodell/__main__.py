"""``python -m styrmodell``: the ``styrmodell`` command (see :mod:`styrmodell._cli`)."""

import sys

from styrmodell._cli import main

if __name__ == "__main__":
    sys.exit(main())
