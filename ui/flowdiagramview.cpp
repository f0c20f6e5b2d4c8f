// SPDX-License-Identifier: GPL-3.0-or-later
#include "flowdiagramview.h"

#include "flowdiagramscene.h"
#include "flownodeitem.h"

#include <QImage>
#include <QLabel>
#include <QPainter>
#include <QSvgGenerator>
#include <QWheelEvent>

namespace {
constexpr qreal minZoom = 0.1;
constexpr qreal maxZoom = 4.0;
constexpr qreal zoomStep = 1.2;
constexpr qreal pngScale = 2.0; // crisp on high-density screens and in documents
} // namespace

FlowDiagramView::FlowDiagramView(FlowDiagramScene *scene, QWidget *parent)
    : QGraphicsView(scene, parent)
    , m_scene(scene)
    , m_banner(new QLabel(this))
{
    connect(scene, &QGraphicsScene::sceneRectChanged, this, [this] {
        if (m_autoFit)
            fit();
    });
    setRenderHints(QPainter::Antialiasing | QPainter::TextAntialiasing);
    setDragMode(QGraphicsView::ScrollHandDrag);
    setTransformationAnchor(QGraphicsView::AnchorUnderMouse);
    setAlignment(Qt::AlignLeft | Qt::AlignTop);
    m_banner->setText(tr("The XML has errors: the diagram shows the last valid version."));
    m_banner->setAutoFillBackground(true);
    m_banner->setForegroundRole(QPalette::ToolTipText);
    m_banner->setBackgroundRole(QPalette::ToolTipBase);
    m_banner->setMargin(6);
    m_banner->setFrameShape(QFrame::StyledPanel);
    m_banner->hide();
}

qreal FlowDiagramView::zoom() const
{
    return transform().m11();
}

void FlowDiagramView::zoomIn()
{
    m_autoFit = false;
    setZoom(zoom() * zoomStep);
}

void FlowDiagramView::zoomOut()
{
    m_autoFit = false;
    setZoom(zoom() / zoomStep);
}

void FlowDiagramView::resetZoom()
{
    m_autoFit = false;
    setZoom(1.0);
}

void FlowDiagramView::fitToWindow()
{
    m_autoFit = true;
    fit();
}

void FlowDiagramView::fit()
{
    const QRectF content = m_scene->itemsBoundingRect().adjusted(-10, -10, 10, 10);
    if (content.isEmpty() || viewport()->width() < 10)
        return;
    // Width decides: a long policy scrolls vertically rather than shrinking to unreadable.
    const qreal byWidth = viewport()->width() / content.width();
    setZoom(qMin(1.0, qMax(byWidth, 0.5)));
    if (const FlowNodeItem *selected = m_scene->selectedNode())
        ensureVisible(selected);
    else
        ensureVisible(QRectF(content.topLeft(), QSizeF(1, 1)), 0, 0);
}

void FlowDiagramView::setZoom(qreal zoom)
{
    const qreal bounded = qBound(minZoom, zoom, maxZoom);
    setTransform(QTransform::fromScale(bounded, bounded));
}

void FlowDiagramView::setStale(bool stale)
{
    m_banner->setVisible(stale);
    placeBanner();
    // The banner takes its own strip above the diagram instead of hiding the top of it.
    setViewportMargins(0, stale ? m_banner->height() : 0, 0, 0);
}

bool FlowDiagramView::isStale() const
{
    return !m_banner->isHidden();
}

QString FlowDiagramView::bannerText() const
{
    return m_banner->text();
}

QRectF FlowDiagramView::exportRect() const
{
    return m_scene->itemsBoundingRect().adjusted(-16, -16, 16, 16);
}

bool FlowDiagramView::exportPng(const QString &fileName) const
{
    const QRectF source = exportRect();
    QImage image((source.size() * pngScale).toSize(), QImage::Format_ARGB32_Premultiplied);
    image.fill(palette().color(QPalette::Base));
    QPainter painter(&image);
    painter.setRenderHints(QPainter::Antialiasing | QPainter::TextAntialiasing);
    m_scene->setPaintCaching(false);
    m_scene->render(&painter, QRectF(QPointF(0, 0), image.size()), source);
    m_scene->setPaintCaching(true);
    painter.end();
    return image.save(fileName, "PNG");
}

bool FlowDiagramView::exportSvg(const QString &fileName) const
{
    const QRectF source = exportRect();
    QSvgGenerator generator;
    generator.setFileName(fileName);
    generator.setSize(source.size().toSize());
    generator.setViewBox(QRectF(QPointF(0, 0), source.size()));
    generator.setTitle(tr("APIM policy flow"));
    QPainter painter;
    if (!painter.begin(&generator))
        return false;
    painter.fillRect(QRectF(QPointF(0, 0), source.size()), palette().color(QPalette::Base));
    m_scene->setPaintCaching(false);
    m_scene->render(&painter, QRectF(QPointF(0, 0), source.size()), source);
    m_scene->setPaintCaching(true);
    return painter.end();
}

void FlowDiagramView::wheelEvent(QWheelEvent *event)
{
    if (event->modifiers() & Qt::ControlModifier) {
        const int steps = event->angleDelta().y() / 120;
        if (steps != 0) {
            m_autoFit = false;
            setZoom(zoom() * std::pow(zoomStep, steps));
        }
        event->accept();
        return;
    }
    QGraphicsView::wheelEvent(event);
}

void FlowDiagramView::resizeEvent(QResizeEvent *event)
{
    QGraphicsView::resizeEvent(event);
    placeBanner();
    if (m_autoFit)
        fit();
}

void FlowDiagramView::placeBanner()
{
    const QRect area = contentsRect();
    m_banner->setFixedWidth(area.width());
    m_banner->adjustSize();
    m_banner->move(area.topLeft());
    m_banner->raise();
}
