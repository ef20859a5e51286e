// Static inline wrappers around libedit's variadic calls, which Swift cannot call directly.
#ifndef PARLEY_CEDITLINE_SHIM_H
#define PARLEY_CEDITLINE_SHIM_H
#include <stdio.h>
#include <histedit.h>
#endif
