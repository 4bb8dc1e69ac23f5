#pragma once

#include <QColor>
#include <QFrame>

class QLabel;
class QHBoxLayout;
class QToolButton;

namespace pr {

// An in-window notification strip (like KMessageWidget): a coloured frame at
// the top of the window with an icon, a plain sentence, optional action
// buttons and a close button. Errors from the helper land here instead of on a
// terminal the user never sees.
class MessageBar : public QFrame
{
    Q_OBJECT
public:
    enum class Kind
    {
        Information,
        Positive,
        Warning,
        Error
    };

    explicit MessageBar(QWidget* parent = nullptr);

    // Replaces the current message; removes previous action buttons.
    void showMessage(Kind kind, const QString& text);
    // Adds a button to the current message; the bar stays open when it is clicked.
    QToolButton* addActionButton(const QString& text, const QString& accessibleName);

    Kind kind() const { return m_kind; }
    QString text() const;

public slots:
    void dismiss();

signals:
    void dismissed();

protected:
    void paintEvent(QPaintEvent* event) override;

private:
    void applyPalette();

    Kind m_kind = Kind::Information;
    QColor m_background;
    QColor m_border;
    QLabel* m_icon = nullptr;
    QLabel* m_text = nullptr;
    QHBoxLayout* m_buttons = nullptr;
    QToolButton* m_close = nullptr;
};

} // namespace pr
