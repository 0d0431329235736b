#pragma once

#include "core/base/Error.h"

namespace sb {

class Transaction;

/// Schema 15: names as NameText stores them, and the SIP profiles' lookalike key. The
/// profiles' and members' names and departments written before are normalised
/// (NameText::normalised) with their search keys, where that leaves a valid name whose key no
/// other profile has; the profiles' `name_skeleton` (NameText::skeleton) is filled and given
/// its UNIQUE index. Of profiles that already looked alike, the oldest gets the skeleton and
/// the later ones none (NULL): they predate the rule, stay as they are, and get one when
/// renamed. Runs inside the migration's transaction.
Result<void> normaliseNames(Transaction& tx);

} // namespace sb
