#pragma once

#include "core/profiles/ProfileService.h"
#include "core/profiles/SipProfile.h"
#include "core/reports/ProfileAdvice.h"
#include "core/storage/Context.h"

#include <QDialog>

#include <optional>

class QDialogButtonBox;
class QLabel;
class QSpinBox;

namespace sb::ui {

class CompanyBalanceLabel;
class HintLabel;

/// Changes a SIP profile's channels (1–300). Says what it costs: the current subscription
/// ends now, and the new count is paid for a month now from the company balance. The advice
/// (AdviceService: the channels its busiest hour needs at 1% blocking) stands over the count.
class ChangeChannelsDialog : public QDialog
{
    Q_OBJECT

public:
    ChangeChannelsDialog(const Context& ctx, const SipProfile& profile, QWidget* parent = nullptr);

    /// What changed (after accept()).
    const ProfileService::ChannelChange& change() const { return m_change; }

    void accept() override;

protected:
    void changeEvent(QEvent* event) override;

private:
    void retranslateUi();
    void updateWidgets();
    void updateAdvice();

    const Context& m_ctx;
    ProfileService m_service;
    SipProfile m_profile;
    ProfileService::ChannelChange m_change;
    std::optional<ProfileAdvice::Channels> m_advice; ///< none when it could not be read
    QLabel* m_current = nullptr;
    QLabel* m_adviceLabel = nullptr;
    QLabel* m_channelsLabel = nullptr;
    QSpinBox* m_channels = nullptr;
    QLabel* m_cost = nullptr;
    QLabel* m_explanation = nullptr;
    CompanyBalanceLabel* m_balanceInfo = nullptr;
    HintLabel* m_hint = nullptr;
    QDialogButtonBox* m_buttons = nullptr;
    QString m_refusal;
};

} // namespace sb::ui
