from policyx.cli import program

program()
