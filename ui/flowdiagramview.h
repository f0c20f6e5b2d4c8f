// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QGraphicsView>

class FlowDiagramScene;
class QLabel;

// Shows a FlowDiagramScene with zoom (ctrl+wheel and actions), fit, export, and a banner when the
// diagram is stale because the current text does not parse.
class FlowDiagramView final : public QGraphicsView
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(FlowDiagramView)

public:
    explicit FlowDiagramView(FlowDiagramScene *scene, QWidget *parent = nullptr);

    FlowDiagramScene *diagramScene() const { return m_scene; }
    qreal zoom() const;
    void zoomIn();
    void zoomOut();
    void resetZoom();
    // Fits the diagram and keeps fitting it on resizes and rebuilds until the user zooms.
    void fitToWindow();

    void setStale(bool stale);
    bool isStale() const;
    QString bannerText() const;

    // Both render the whole scene; false when the file cannot be written.
    bool exportPng(const QString &fileName) const;
    bool exportSvg(const QString &fileName) const;

protected:
    void wheelEvent(QWheelEvent *event) override;
    void resizeEvent(QResizeEvent *event) override;

private:
    void setZoom(qreal zoom);
    void fit();
    void placeBanner();
    QRectF exportRect() const;

    FlowDiagramScene *m_scene;
    QLabel *m_banner;
    bool m_autoFit = true;
};
