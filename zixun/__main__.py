from zixun.cli import main

main()
