import SpikedownCLI

SpikedownCommand.main()
