#pragma once

#include "core/base/Error.h"

namespace sb {

class Transaction;

/// Schema 4: the activity log stores events (a kind and values) instead of sentences. Lines
/// written before get values from what they had: their subject under the name their kind
/// gives it, and their English sentence as `text`, shown when the other values are missing.
/// Runs inside the migration's transaction.
Result<void> convertActivityToEvents(Transaction& tx);

} // namespace sb
