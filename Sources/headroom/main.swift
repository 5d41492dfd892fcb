import HeadroomCLI

HeadroomCommand.mainStoppingOnSignals()
