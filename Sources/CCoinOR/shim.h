// The COIN-OR C interfaces that HeadroomCoinOR calls: CLP for linear programs, CBC for
// mixed-integer programs (Debian's coinor-libcbc-dev and coinor-libclp-dev, 2.10 series).
// Include paths and libraries come from `pkg-config cbc` (see the CCoinOR target in
// Package.swift); the `link` lines in module.modulemap name the libraries this module uses.
#ifndef HEADROOM_CCOINOR_SHIM_H
#define HEADROOM_CCOINOR_SHIM_H

#include <coin/Cbc_C_Interface.h>
#include <coin/Clp_C_Interface.h>

#endif
