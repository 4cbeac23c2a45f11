"""``python -m zixun``: the same command line as the ``zixun`` script."""

from zixun.cli import main

main()
