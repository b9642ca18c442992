from resumematch.cli import main

main()
