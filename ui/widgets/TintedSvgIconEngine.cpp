#include "ui/widgets/TintedSvgIconEngine.h"

#include <QImage>
#include <QPaintDevice>
#include <QPainter>
#include <QSvgRenderer>

namespace sb::ui {

TintedSvgIconEngine::TintedSvgIconEngine(const QByteArray& drawing, const Colours& colours,
                                         QList<int> sizes)
    : m_shared(std::make_shared<Shared>(Shared{drawing, colours, std::move(sizes), {}}))
{
}

void TintedSvgIconEngine::paint(QPainter* painter, const QRect& rect, QIcon::Mode mode,
                                QIcon::State state)
{
    const qreal ratio = painter->device() ? painter->device()->devicePixelRatioF() : 1.0;
    QPixmap p = pixmap((QSizeF(rect.size()) * ratio).toSize(), mode, state);
    p.setDevicePixelRatio(ratio);
    painter->drawPixmap(rect, p);
}

QPixmap TintedSvgIconEngine::pixmap(const QSize& size, QIcon::Mode mode, QIcon::State)
{
    // Square drawings: the largest square in the size asked for.
    const int side = std::min(size.width(), size.height());
    if (side <= 0)
        return {};
    const quint64 key = (quint64(mode) << 32) | quint64(side);
    if (const auto it = m_shared->rendered.constFind(key); it != m_shared->rendered.constEnd())
        return *it;
    const QColor colour = mode == QIcon::Disabled   ? m_shared->colours.disabled
                          : mode == QIcon::Selected ? m_shared->colours.selected
                                                    : m_shared->colours.normal;
    // The drawings stroke in currentColor; the colour's alpha goes in as the opacity.
    QByteArray tinted = m_shared->drawing;
    tinted.replace("currentColor", colour.name(QColor::HexRgb).toLatin1());
    QSvgRenderer renderer(tinted);
    QImage image(side, side, QImage::Format_ARGB32_Premultiplied);
    image.fill(Qt::transparent);
    if (renderer.isValid()) {
        QPainter painter(&image);
        painter.setRenderHint(QPainter::Antialiasing);
        painter.setOpacity(colour.alphaF());
        renderer.render(&painter, QRectF(0, 0, side, side));
    }
    QPixmap out = QPixmap::fromImage(std::move(image));
    m_shared->rendered.insert(key, out);
    return out;
}

QSize TintedSvgIconEngine::actualSize(const QSize& size, QIcon::Mode, QIcon::State)
{
    const int side = std::min(size.width(), size.height());
    return QSize(side, side);
}

QList<QSize> TintedSvgIconEngine::availableSizes(QIcon::Mode, QIcon::State)
{
    QList<QSize> out;
    for (int size : std::as_const(m_shared->sizes))
        for (int ratio : {1, 2})
            out.append(QSize(size * ratio, size * ratio));
    return out;
}

QIconEngine* TintedSvgIconEngine::clone() const
{
    return new TintedSvgIconEngine(m_shared);
}

QString TintedSvgIconEngine::key() const
{
    return QStringLiteral("sb-tinted-svg");
}

} // namespace sb::ui
