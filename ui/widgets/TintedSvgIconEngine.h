#pragma once

#include <QByteArray>
#include <QColor>
#include <QHash>
#include <QIconEngine>
#include <QPixmap>

#include <memory>

namespace sb::ui {

/// An icon drawn from one SVG drawing (stroked in `currentColor`) in a colour per mode,
/// rendered only when a size and mode is first asked for, at exactly that size, then kept.
/// A window's forty icons in three modes, five sizes and two scales were a thousand
/// renderings at start-up, of which it shows a dozen.
class TintedSvgIconEngine final : public QIconEngine
{
public:
    /// The colour of each mode (Normal and Active share the normal one).
    struct Colours
    {
        QColor normal;
        QColor disabled;
        QColor selected;
    };

    /// `sizes`: the logical sizes availableSizes() reports (at 1× and 2×).
    TintedSvgIconEngine(const QByteArray& drawing, const Colours& colours, QList<int> sizes);

    void paint(QPainter* painter, const QRect& rect, QIcon::Mode mode, QIcon::State state) override;
    QPixmap pixmap(const QSize& size, QIcon::Mode mode, QIcon::State state) override;
    QSize actualSize(const QSize& size, QIcon::Mode mode, QIcon::State state) override;
    QList<QSize> availableSizes(QIcon::Mode mode, QIcon::State state) override;
    QIconEngine* clone() const override;
    QString key() const override;
    bool isNull() override { return false; }

private:
    struct Shared
    {
        QByteArray drawing;
        Colours colours;
        QList<int> sizes;
        QHash<quint64, QPixmap> rendered; // (mode, width, height) → pixmap
    };
    explicit TintedSvgIconEngine(std::shared_ptr<Shared> shared) : m_shared(std::move(shared)) {}

    std::shared_ptr<Shared> m_shared; // clones share the drawing and what was rendered
};

} // namespace sb::ui
