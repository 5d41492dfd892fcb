import HeadroomCLI
HeadroomCommand.main()
