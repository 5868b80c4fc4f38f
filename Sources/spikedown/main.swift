import SpikedownCLI

await SpikedownCommand.start()
