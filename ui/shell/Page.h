#pragma once

#include "core/storage/Context.h"

#include <QAction>
#include <QCoreApplication>
#include <QList>
#include <QString>
#include <QWidget>

#include <functional>
#include <memory>
#include <type_traits>
#include <utility>

namespace sb::ui {

/// One page of the main window, as the window keeps it: the side bar entry, the View menu's
/// "Show …" action (Ctrl+1, Ctrl+2, … in order), the `--page` name and the stack all come
/// from the pages and their order in the registration (MainWindow.cpp).
class Page
{
public:
    virtual ~Page() = default;

    /// "sip-profiles": the name for `switchboard --page`; the View menu's action is
    /// "showSipProfilesAction" (see actionName()).
    virtual QString id() const = 0;
    /// "SIP profiles", in the current language.
    virtual QString title() const = 0;
    /// The page itself, in the window's stack.
    virtual QWidget* widget() const = 0;
    /// The page's own actions, in the tool bar while the page is in view.
    virtual QList<QAction*> toolBarActions() const { return {}; }
    /// Puts the focus in the page's search field; false when the page has none.
    virtual bool focusSearch() { return false; }
    /// Reads the page's data again (Refresh, another database).
    virtual void refresh() {}
    /// Whether the page is still reading what it shows on a worker thread.
    virtual bool isReading() const { return false; }
    /// Column widths and the like, kept between sessions.
    virtual void saveSettings() const {}
    virtual void restoreSettings() {}
    /// Passes the page's news for the status bar (its `statusMessage` signal) to `show`,
    /// called in `context`'s thread while `context` lives.
    virtual void onStatusMessage(QObject* context, std::function<void(const QString&)> show)
    {
        Q_UNUSED(context);
        Q_UNUSED(show);
    }

    /// "sip-profiles" -> "showSipProfilesAction".
    static QString actionName(const QString& id)
    {
        QString name = QStringLiteral("show");
        for (const QString& part : id.split(QLatin1Char('-')))
            name += part.left(1).toUpper() + part.mid(1);
        return name + QStringLiteral("Action");
    }
};

/// A page of the widget class W. What the page can do follows from what W has:
/// toolBarActions(), focusSearch(), refresh(), isReading(), saveSettings(), restoreSettings().
template<typename W> class WidgetPage final : public Page
{
public:
    /// `title` is untranslated (QT_TRANSLATE_NOOP in the "sb::ui::MainWindow" context).
    WidgetPage(const char* id, const char* title, W* widget)
        : m_id(id), m_title(title), m_widget(widget)
    {
    }

    QString id() const override { return QString::fromLatin1(m_id); }
    QString title() const override
    {
        return QCoreApplication::translate("sb::ui::MainWindow", m_title);
    }
    QWidget* widget() const override { return m_widget; }
    QList<QAction*> toolBarActions() const override
    {
        if constexpr (requires(const W& w) { w.toolBarActions(); })
            return m_widget->toolBarActions();
        else
            return {};
    }
    bool focusSearch() override
    {
        if constexpr (requires(W & w) { w.focusSearch(); }) {
            m_widget->focusSearch();
            return true;
        } else {
            return false;
        }
    }
    void refresh() override
    {
        if constexpr (requires(W & w) { w.refresh(); })
            m_widget->refresh();
    }
    bool isReading() const override
    {
        if constexpr (requires(const W& w) { w.isReading(); })
            return m_widget->isReading();
        else
            return false;
    }
    void saveSettings() const override
    {
        if constexpr (requires(const W& w) { w.saveSettings(); })
            m_widget->saveSettings();
    }
    void restoreSettings() override
    {
        if constexpr (requires(W & w) { w.restoreSettings(); })
            m_widget->restoreSettings();
    }
    void onStatusMessage(QObject* context, std::function<void(const QString&)> show) override
    {
        if constexpr (requires { &W::statusMessage; })
            QObject::connect(m_widget, &W::statusMessage, context, std::move(show));
        else
            Page::onStatusMessage(context, std::move(show));
    }

private:
    const char* m_id;
    const char* m_title;
    W* m_widget;
};

/// One line of the window's page registration: the page's id, its untranslated title and
/// how to make its widget.
struct PageRegistration
{
    const char* id;
    const char* title;
    /// The page widget's class, so the window finds a page by type without building it.
    const QMetaObject* type;
    std::function<std::unique_ptr<Page>(const Context& ctx, QWidget* parent)> create;

    /// A page of the widget class W, made as `new W(ctx, parent)` unless `make` says otherwise.
    template<typename W>
    static PageRegistration of(const char* id, const char* title,
                               W* (*make)(const Context&, QWidget*) = nullptr)
    {
        return {id, title, &W::staticMetaObject,
                [id, title, make](const Context& ctx, QWidget* parent) {
                    W* widget = make ? make(ctx, parent) : nullptr;
                    if (!widget) {
                        if constexpr (std::is_constructible_v<W, const Context&, QWidget*>)
                            widget = new W(ctx, parent);
                    }
                    return std::unique_ptr<Page>(new WidgetPage<W>(id, title, widget));
                }};
    }
};

} // namespace sb::ui
