#pragma once

#include <QPalette>

namespace sb::ui {

/// The dark palette Switchboard uses with the Fusion style where the desktop gives none
/// (SWITCHBOARD_PALETTE=dark: screenshots, and tests of the icons and states on a dark
/// desktop on machines that have no dark theme).
QPalette darkPalette();

} // namespace sb::ui
