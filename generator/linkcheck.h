#ifndef POLICYSITE_LINKCHECK_H
#define POLICYSITE_LINKCHECK_H

#include "diag.h"
#include "model.h"

/*
 * `policysite check --external`: every http and https link in the documents
 * is fetched once (HEAD, then GET when a server refuses HEAD; redirects
 * followed; a few at a time; time limits), and each link that cannot be
 * reached or answers an HTTP error gets a warning at its place in the file.
 * It needs the network, so it is never part of a build.
 */
void linkcheck_external(const struct model *m, struct diag_list *diags);

#endif
