import SpikedownCLI

await SpikedownCommand.main()
