from policyx.cli.app import main

main()
