#pragma once

#include "core/members/Member.h"
#include "core/storage/Context.h"

#include <QDialog>

class QDialogButtonBox;
class QLabel;
class QLineEdit;

namespace sb::ui {

class CountryCombo;
class HintLabel;

/// Adds one member. Fields are checked with MemberService::validate* as they are typed;
/// OK stays disabled until the member is valid. A refusal of the core (a duplicate account)
/// shows inline and the dialog stays open.
class AddMemberDialog : public QDialog
{
    Q_OBJECT

public:
    explicit AddMemberDialog(const Context& ctx, QWidget* parent = nullptr);

    /// The member added, after accept().
    const Member& member() const { return m_member; }

    void accept() override;

protected:
    void changeEvent(QEvent* event) override;

private:
    void retranslateUi();
    void updateWidgets();
    NewMember typed() const;

    const Context& m_ctx;
    QLabel* m_intro = nullptr;
    QLabel* m_accountLabel = nullptr;
    QLabel* m_nameLabel = nullptr;
    QLabel* m_emailLabel = nullptr;
    QLabel* m_departmentLabel = nullptr;
    QLabel* m_countryLabel = nullptr;
    QLineEdit* m_account = nullptr;
    QLineEdit* m_name = nullptr;
    QLineEdit* m_email = nullptr;
    QLineEdit* m_department = nullptr;
    CountryCombo* m_country = nullptr;
    HintLabel* m_hint = nullptr;
    QDialogButtonBox* m_buttons = nullptr;
    /// Fields the admin has typed in: only those get complaints.
    bool m_touchedAccount = false, m_touchedName = false, m_touchedEmail = false;
    QString m_refusal; ///< the core's last refusal, until the account changes
    Member m_member;
};

} // namespace sb::ui
