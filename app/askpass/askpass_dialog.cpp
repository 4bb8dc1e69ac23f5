#include "app/askpass/askpass_dialog.h"

#include <QDialogButtonBox>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QRegularExpression>
#include <QStyle>
#include <QVBoxLayout>

#include <algorithm>

namespace pr {
namespace {

// Not translated: window managers, and the tests (xdotool search --name),
// find the window by it.
const QString kWindowTitle = QStringLiteral("Packet Recorder: ssh");

// ssh's prompts, as OpenSSH 9.2 writes them: "alice@web1's password: ",
// "Enter passphrase for key '/home/alice/.ssh/id_ed25519': ", "Enter PIN for
// ED25519-SK key ...: ", "(alice@web1) Password: " (keyboard-interactive).
bool asksForSecret(const QString& prompt)
{
    static const QRegularExpression secret(QStringLiteral("password|passphrase"),
                                           QRegularExpression::CaseInsensitiveOption);
    static const QRegularExpression pin(QStringLiteral("\\bPIN\\b"));
    return secret.match(prompt).hasMatch() || pin.match(prompt).hasMatch();
}

QLabel* promptLabel(const QString& prompt, QWidget* parent)
{
    auto* label = new QLabel(prompt.trimmed(), parent);
    label->setObjectName(QStringLiteral("promptLabel"));
    // ssh's own words: a host name or a fingerprint must never be read as
    // markup, and the user may want to copy the fingerprint.
    label->setTextFormat(Qt::PlainText);
    label->setWordWrap(true);
    label->setTextInteractionFlags(Qt::TextSelectableByMouse | Qt::TextSelectableByKeyboard);
    // Room for ssh's longest line, so that a fingerprint ("ED25519 key
    // fingerprint is SHA256:" and 43 characters) is not broken at a "/";
    // wrapped beyond 100 characters.
    const QFontMetrics metrics = label->fontMetrics();
    int widest = metrics.averageCharWidth() * 40;
    for (const QString& line : prompt.split(u'\n'))
        widest = std::max(widest, metrics.horizontalAdvance(line.trimmed() + QStringLiteral("  ")));
    label->setMinimumWidth(std::min(widest, metrics.averageCharWidth() * 100));
    return label;
}

QPushButton* namedButton(QDialogButtonBox* buttons, QDialogButtonBox::StandardButton which,
                         const char* objectName)
{
    QPushButton* button = buttons->addButton(which);
    button->setObjectName(QLatin1StringView(objectName));
    return button;
}

} // namespace

AskpassDialog::Kind AskpassDialog::kindOf(const QString& prompt, const QString& askpassPrompt)
{
    if (askpassPrompt == QLatin1StringView("confirm"))
        return Kind::Confirm;
    if (askpassPrompt == QLatin1StringView("none"))
        return Kind::Notice;
    // "(yes/no/[fingerprint])?" for a new key; "(yes/no)?" where the key of
    // the name and of the address differ; ssh repeats with "Please type
    // 'yes', 'no' or the fingerprint: " after any other answer.
    if (prompt.contains(QLatin1StringView("(yes/no")) ||
        prompt.contains(QLatin1StringView("Please type 'yes', 'no'")))
        return Kind::HostKey;
    return asksForSecret(prompt) ? Kind::Secret : Kind::Text;
}

AskpassDialog::AskpassDialog(const QString& prompt, Kind kind, QWidget* parent)
    : QDialog(parent), m_kind(kind)
{
    setObjectName(QStringLiteral("askpassDialog"));
    setWindowTitle(kWindowTitle);
    auto* layout = new QVBoxLayout(this);
    auto* buttons = new QDialogButtonBox(this);
    buttons->setObjectName(QStringLiteral("buttons"));

    if (kind == Kind::HostKey) {
        auto* heading = new QHBoxLayout;
        auto* icon = new QLabel(this);
        const int size = style()->pixelMetric(QStyle::PM_MessageBoxIconSize, nullptr, this);
        icon->setPixmap(
            style()->standardIcon(QStyle::SP_MessageBoxWarning, nullptr, this).pixmap(size));
        icon->setAlignment(Qt::AlignTop);
        heading->addWidget(icon);
        auto* explanation = new QLabel(
            tr("ssh does not know the key of this machine yet. Connect only if the fingerprint "
               "below is the one its administrator gives you; ssh then remembers the key in "
               "known_hosts."),
            this);
        explanation->setObjectName(QStringLiteral("explanationLabel"));
        explanation->setWordWrap(true);
        heading->addWidget(explanation, 1);
        layout->addLayout(heading);
        layout->addWidget(promptLabel(prompt, this));

        //: Button of the dialog that asks whether to trust a machine ssh has not seen before
        auto* connectButton = new QPushButton(tr("Connect and remember this key"), this);
        connectButton->setObjectName(QStringLiteral("connectButton"));
        //: Button of the same dialog: do not connect (ssh is told "no")
        auto* cancelButton = new QPushButton(tr("Cancel"), this);
        cancelButton->setObjectName(QStringLiteral("cancelButton"));
        buttons->addButton(connectButton, QDialogButtonBox::AcceptRole);
        buttons->addButton(cancelButton, QDialogButtonBox::RejectRole);
        // Return alone must not trust a key: the safe answer is the default,
        // and Tab leads from it to Connect.
        cancelButton->setDefault(true);
        cancelButton->setFocus();
        setTabOrder(cancelButton, connectButton);
    } else {
        layout->addWidget(promptLabel(prompt, this));
        switch (kind) {
        case Kind::Secret:
        case Kind::Text:
            m_answer = new QLineEdit(this);
            m_answer->setObjectName(QStringLiteral("answerEdit"));
            if (kind == Kind::Secret) {
                m_answer->setEchoMode(QLineEdit::Password);
                m_answer->setInputMethodHints(Qt::ImhHiddenText | Qt::ImhSensitiveData |
                                              Qt::ImhNoPredictiveText | Qt::ImhNoAutoUppercase);
            }
            layout->addWidget(m_answer);
            namedButton(buttons, QDialogButtonBox::Ok, "okButton")->setDefault(true);
            namedButton(buttons, QDialogButtonBox::Cancel, "cancelButton");
            m_answer->setFocus();
            break;
        case Kind::Confirm: {
            namedButton(buttons, QDialogButtonBox::Yes, "yesButton");
            // The safe answer for Return, as for a host key.
            QPushButton* no = namedButton(buttons, QDialogButtonBox::No, "noButton");
            no->setDefault(true);
            no->setFocus();
            break;
        }
        case Kind::Notice:
        case Kind::HostKey:
            namedButton(buttons, QDialogButtonBox::Close, "closeButton")->setDefault(true);
            break;
        }
    }
    layout->addWidget(buttons);
    connect(buttons, &QDialogButtonBox::accepted, this, &QDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
}

QString AskpassDialog::answer() const
{
    return m_answer != nullptr ? m_answer->text() : QString();
}

} // namespace pr
