#include "ui/main/message_bar.h"

#include <QHBoxLayout>
#include <QLabel>
#include <QPainter>
#include <QStyle>
#include <QToolButton>

namespace pr {

MessageBar::MessageBar(QWidget* parent) : QFrame(parent)
{
    setObjectName(QStringLiteral("messageBar"));
    setAccessibleName(tr("Message bar"));

    auto* layout = new QHBoxLayout(this);
    layout->setContentsMargins(10, 6, 6, 6);
    layout->setSpacing(8);

    m_icon = new QLabel(this);
    m_icon->setAccessibleName(tr("Message icon"));
    layout->addWidget(m_icon, 0, Qt::AlignTop);

    m_text = new QLabel(this);
    m_text->setWordWrap(true);
    m_text->setTextInteractionFlags(Qt::TextSelectableByMouse | Qt::LinksAccessibleByMouse);
    m_text->setOpenExternalLinks(false);
    m_text->setAccessibleName(tr("Message"));
    layout->addWidget(m_text, 1);

    m_buttons = new QHBoxLayout;
    m_buttons->setSpacing(4);
    layout->addLayout(m_buttons);

    m_close = new QToolButton(this);
    m_close->setAutoRaise(true);
    m_close->setIcon(style()->standardIcon(QStyle::SP_TitleBarCloseButton));
    m_close->setToolTip(tr("Close this message"));
    m_close->setAccessibleName(tr("Close message"));
    connect(m_close, &QToolButton::clicked, this, &MessageBar::dismiss);
    layout->addWidget(m_close, 0, Qt::AlignTop);

    hide();
}

void MessageBar::showMessage(Kind kind, const QString& text)
{
    while (QLayoutItem* item = m_buttons->takeAt(0)) {
        delete item->widget();
        delete item;
    }
    m_kind = kind;
    m_text->setText(text);
    setAccessibleDescription(text);
    applyPalette();
    show();
}

QToolButton* MessageBar::addActionButton(const QString& text, const QString& accessibleName)
{
    auto* button = new QToolButton(this);
    button->setText(text);
    button->setAccessibleName(accessibleName);
    button->setToolButtonStyle(Qt::ToolButtonTextOnly);
    m_buttons->addWidget(button);
    button->show(); // the bar may be visible already; don't wait for the queued show
    return button;
}

QString MessageBar::text() const
{
    return m_text->text();
}

void MessageBar::dismiss()
{
    hide();
    emit dismissed();
}

void MessageBar::paintEvent(QPaintEvent*)
{
    QPainter painter(this);
    painter.setRenderHint(QPainter::Antialiasing);
    painter.setPen(QPen(m_border, 1));
    painter.setBrush(m_background);
    painter.drawRoundedRect(QRectF(rect()).adjusted(0.5, 0.5, -0.5, -0.5), 4, 4);
}

void MessageBar::applyPalette()
{
    // Light tints of the usual semantic colours, readable with the default
    // (dark) window text in both Fusion and the platform styles.
    QColor background;
    QColor border;
    QStyle::StandardPixmap icon = QStyle::SP_MessageBoxInformation;
    switch (m_kind) {
    case Kind::Information:
        background = QColor(0xe3, 0xef, 0xfb);
        border = QColor(0x3d, 0xae, 0xe9);
        break;
    case Kind::Positive:
        background = QColor(0xe5, 0xf5, 0xe6);
        border = QColor(0x27, 0xae, 0x60);
        break;
    case Kind::Warning:
        background = QColor(0xfd, 0xf3, 0xdc);
        border = QColor(0xf6, 0x74, 0x00);
        icon = QStyle::SP_MessageBoxWarning;
        break;
    case Kind::Error:
        background = QColor(0xfb, 0xe4, 0xe4);
        border = QColor(0xda, 0x44, 0x53);
        icon = QStyle::SP_MessageBoxCritical;
        break;
    }
    // Painted rather than style-sheeted: a style sheet re-polishes the whole
    // window, which shows as a hitch when a message appears mid-recording.
    m_background = background;
    m_border = border;
    QPalette textPalette = m_text->palette();
    textPalette.setColor(QPalette::WindowText, QColor(0x23, 0x26, 0x29));
    m_text->setPalette(textPalette);
    update();
    const int size = style()->pixelMetric(QStyle::PM_SmallIconSize);
    m_icon->setPixmap(style()->standardIcon(icon).pixmap(size, size));
}

} // namespace pr
