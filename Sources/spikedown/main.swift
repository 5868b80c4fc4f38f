print("spikedown")
