from policyx.cli import main

main()
