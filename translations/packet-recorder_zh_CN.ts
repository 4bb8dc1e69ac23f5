<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
<context>
    <name>CommandLine</name>
    <message>
        <source>Record network traffic to pcap files.</source>
        <translation>将网络流量录制到 pcap 文件。</translation>
    </message>
    <message>
        <source>interface</source>
        <translation>接口</translation>
    </message>
    <message>
        <source>Start recording immediately.</source>
        <translation>立即开始录制。</translation>
    </message>
    <message>
        <source>Write the recording to this file.</source>
        <translation>将录制内容写入此文件。</translation>
    </message>
    <message>
        <source>file</source>
        <translation>文件</translation>
    </message>
    <message>
        <source>Capture filter (pcap syntax).</source>
        <translation>捕获过滤器（pcap 语法）。</translation>
    </message>
    <message>
        <source>filter</source>
        <translation>过滤器</translation>
    </message>
    <message>
        <source>File format: pcap, pcap-us or pcapng.</source>
        <translation>文件格式：pcap、pcap-us 或 pcapng。</translation>
    </message>
    <message>
        <source>format</source>
        <translation>格式</translation>
    </message>
    <message>
        <source>condition</source>
        <translation>条件</translation>
    </message>
    <message>
        <source>Stop after this many packets.</source>
        <translation>录制这么多分组后停止。</translation>
    </message>
    <message>
        <source>count</source>
        <translation>数量</translation>
    </message>
    <message>
        <source>Snapshot length in bytes.</source>
        <translation>快照长度（字节）。</translation>
    </message>
    <message>
        <source>snaplen</source>
        <translation>快照长度</translation>
    </message>
    <message>
        <source>Do not put the interface into promiscuous mode.</source>
        <translation>不要将接口置于混杂模式。</translation>
    </message>
    <message>
        <source>A capture file to open.</source>
        <translation>要打开的捕获文件。</translation>
    </message>
    <message>
        <source>Give at most one capture file to open.</source>
        <translation>最多只能指定一个要打开的捕获文件。</translation>
    </message>
    <message>
        <source>-k records a new capture; it cannot be combined with a file to open.</source>
        <translation>-k 会录制新的捕获，不能与要打开的文件同时使用。</translation>
    </message>
    <message>
        <source>-b files:N needs -b filesize:KB or -b duration:SECONDS.</source>
        <translation>-b files:N 需要 -b filesize:KB 或 -b duration:SECONDS。</translation>
    </message>
    <message>
        <source>Interface to record on (&quot;any&quot; for all); repeat it to record several into one pcapng file.</source>
        <translation>要记录的接口（“any”表示全部）；重复此选项可将多个接口记录到同一个 pcapng 文件中。</translation>
    </message>
    <message>
        <source>-i is given %1 times: at most %2 interfaces at once.</source>
        <translation>-i 给出了 %1 次：最多同时记录 %2 个接口。</translation>
    </message>
    <message>
        <source>-i %1 is given twice.</source>
        <translation>-i %1 给出了两次。</translation>
    </message>
    <message>
        <source>-i any records every interface: it cannot be combined with other interfaces.</source>
        <translation>-i any 会记录所有接口，不能与其他接口同时使用。</translation>
    </message>
    <message>
        <source>A pcap file holds one interface: use -F pcapng to record several.</source>
        <translation>pcap 文件只能包含一个接口：要记录多个接口，请使用 -F pcapng。</translation>
    </message>
    <message>
        <source>Kernel ring buffer in MiB.</source>
        <translation>内核环形缓冲区大小（MiB）。</translation>
    </message>
    <message>
        <source>mebibytes</source>
        <translation>兆字节</translation>
    </message>
    <message>
        <source>Do not update the list of packets while recording; it shows them when the recording stops.</source>
        <translation>录制期间不更新数据包列表；录制停止后再显示数据包。</translation>
    </message>
    <message>
        <source>Stop automatically: %1.</source>
        <translation>自动停止：%1。</translation>
    </message>
    <message>
        <source>Write a set of files (a ring buffer): %1.</source>
        <translation>写入一组文件（环形缓冲）：%1。</translation>
    </message>
    <message>
        <source>Invalid %1 &quot;%2&quot;: use a number of seconds above 0 and at most %3.</source>
        <translation>无效的 %1“%2”：请使用大于 0 且不超过 %3 的秒数。</translation>
    </message>
    <message>
        <source>Invalid %1 &quot;%2&quot;: use %3 to %4.</source>
        <translation>无效的 %1“%2”：请使用 %3 到 %4。</translation>
    </message>
    <message>
        <source>%1 is too long: at most %2 characters.</source>
        <translation>%1 太长：最多 %2 个字符。</translation>
    </message>
    <message>
        <source>Invalid %1 &quot;%2&quot;: use one of %3.</source>
        <translation>无效的 %1“%2”：请使用 %3 之一。</translation>
    </message>
    <message>
        <source>Invalid %1 condition &quot;%2&quot;: use %3.</source>
        <translation>无效的 %1 条件“%2”：请使用 %3。</translation>
    </message>
    <message>
        <source>Other machines are recorded into a pcapng file: use -F pcapng or leave -F out.</source>
        <translation>其他机器总是录制到 pcapng 文件中：请使用 -F pcapng，或不指定 -F。</translation>
    </message>
</context>
<context>
    <name>SshFailure</name>
    <message>
        <source>The host key of %1 has changed, so someone may be intercepting the connection; if the change is expected, remove its old key from known_hosts with ssh-keygen -R and connect again.</source>
        <extracomment>%1 is a machine (user@host or a name from ~/.ssh/config). &quot;ssh-keygen -R&quot; is a command: keep it as it is.</extracomment>
        <translation>%1 的主机密钥已更改，可能有人正在拦截连接；如果这一更改是预期的，请用 ssh-keygen -R 从 known_hosts 中删除旧密钥，然后重新连接。</translation>
    </message>
    <message>
        <source>The host key of %1 has changed, so someone may be intercepting the connection; if the change is expected, remove the old key (%2) with %3 and connect again.</source>
        <extracomment>%1 is a machine, %2 the known_hosts file and line ssh names (&quot;/home/u/.ssh/known_hosts:3&quot;), %3 the command that removes that line (keep it as it is).</extracomment>
        <translation>%1 的主机密钥已更改，可能有人正在拦截连接；如果这一更改是预期的，请用 %3 删除旧密钥（%2），然后重新连接。</translation>
    </message>
    <message>
        <source>The host key of %1 is not known, and the dialog that asks whether to accept it could not be shown (%2).</source>
        <extracomment>%1 is a machine, %2 ssh&apos;s reason, in English (&quot;exec(...): No such file or directory&quot;)</extracomment>
        <translation>%1 的主机密钥未知，且无法显示询问是否接受该密钥的对话框（%2）。</translation>
    </message>
    <message>
        <source>The host key of %1 is not known and was not accepted, so no connection was made.</source>
        <extracomment>%1 is a machine. ssh had never seen its host key, and the user (or a setting such as StrictHostKeyChecking) did not accept it.</extracomment>
        <translation>%1 的主机密钥未知且未被接受，因此没有建立连接。</translation>
    </message>
    <message>
        <source>%1 refused the login as %2: the password or key was not accepted (the machine offers: %3).</source>
        <extracomment>%1 is a machine, %2 the user name, %3 ssh&apos;s names of the login methods the machine offers (&quot;publickey, password&quot;): keep those words as they are</extracomment>
        <translation>%1 拒绝了以 %2 身份登录：密码或密钥未被接受（该主机提供的登录方式：%3）。</translation>
    </message>
    <message>
        <source>%1 refused the login: the password or key was not accepted (the machine offers: %2).</source>
        <extracomment>%1 is a machine, %2 ssh&apos;s names of the login methods the machine offers (&quot;publickey, password&quot;): keep those words as they are</extracomment>
        <translation>%1 拒绝了登录：密码或密钥未被接受（该主机提供的登录方式：%2）。</translation>
    </message>
    <message>
        <source>%1 cannot be found: no machine is named %2 (check the spelling, or the Host entry in ~/.ssh/config).</source>
        <extracomment>%1 is a machine, %2 the host name ssh looked up (the same, or its HostName in ~/.ssh/config)</extracomment>
        <translation>找不到 %1：没有名为 %2 的主机（请检查拼写，或 ~/.ssh/config 中的 Host 条目）。</translation>
    </message>
    <message>
        <source>%1 cannot be found: the name %2 could not be looked up (no name server answered; is this computer connected?).</source>
        <extracomment>%1 is a machine, %2 the host name ssh looked up</extracomment>
        <translation>找不到 %1：无法查询名称 %2（没有名称服务器应答；这台计算机是否已联网？）。</translation>
    </message>
    <message>
        <source>%1 cannot be found: the name %2 could not be resolved (%3).</source>
        <extracomment>%1 is a machine, %2 the host name ssh looked up, %3 the reason, in English</extracomment>
        <translation>找不到 %1：无法解析名称 %2（%3）。</translation>
    </message>
    <message>
        <source>%1 refused the connection on port %2: no SSH server listens there, or a firewall rejects it.</source>
        <extracomment>%1 is a machine, %2 a TCP port number</extracomment>
        <translation>%1 拒绝了端口 %2 上的连接：那里没有 SSH 服务器在监听，或者防火墙拒绝了连接。</translation>
    </message>
    <message>
        <source>%1 did not answer on port %2 (the connection timed out): the machine may be off, or a firewall drops the connection.</source>
        <extracomment>%1 is a machine, %2 a TCP port number</extracomment>
        <translation>%1 没有在端口 %2 上应答（连接超时）：该主机可能已关机，或者防火墙丢弃了连接。</translation>
    </message>
    <message>
        <source>%1 cannot be reached: there is no route to it (the machine may be off, or on another network).</source>
        <extracomment>%1 is a machine</extracomment>
        <translation>无法访问 %1：没有通往它的路由（该主机可能已关机，或位于其他网络中）。</translation>
    </message>
    <message>
        <source>%1 cannot be reached: its network is unreachable from this computer.</source>
        <extracomment>%1 is a machine</extracomment>
        <translation>无法访问 %1：从这台计算机无法访问它所在的网络。</translation>
    </message>
    <message>
        <source>%1 cannot be reached on port %2: %3.</source>
        <extracomment>%1 is a machine, %2 a TCP port number, %3 the reason, in English</extracomment>
        <translation>无法在端口 %2 上访问 %1：%3。</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <extracomment>%1 is a machine, %2 the last line ssh (or the remote command) wrote, in English</extracomment>
        <translation>%1：%2</translation>
    </message>
    <message>
        <source>ssh could not connect to %1 and did not say why.</source>
        <extracomment>%1 is a machine</extracomment>
        <translation>ssh 无法连接到 %1，且未说明原因。</translation>
    </message>
    <message>
        <source>The command on %1 ended with exit status %2.</source>
        <extracomment>%1 is a machine, %2 a number</extracomment>
        <translation>%1 上的命令以退出状态 %2 结束。</translation>
    </message>
    <message>
        <source>On %1, the program %2 was not found.</source>
        <extracomment>%1 is a machine, %2 the program its shell could not find</extracomment>
        <translation>在 %1 上找不到程序 %2。</translation>
    </message>
    <message>
        <source>On %1, a program of the remote command was not found (exit status 127).</source>
        <extracomment>%1 is a machine; 127 is the shell&apos;s &quot;command not found&quot; exit status</extracomment>
        <translation>在 %1 上找不到远程命令中的某个程序（退出状态 127）。</translation>
    </message>
    <message>
        <source>%1 refused the login: too many keys were tried (choose the right one with IdentityFile and IdentitiesOnly in ~/.ssh/config).</source>
        <extracomment>%1 is a machine. IdentityFile and IdentitiesOnly are ssh settings: keep them as they are</extracomment>
        <translation>%1 拒绝了登录：尝试的密钥太多（请在 ~/.ssh/config 中用 IdentityFile 和 IdentitiesOnly 选择正确的密钥）。</translation>
    </message>
    <message>
        <source>%1 accepted the connection, but its SSH server did not answer in time.</source>
        <extracomment>%1 is a machine</extracomment>
        <translation>%1 接受了连接，但其 SSH 服务器没有及时应答。</translation>
    </message>
    <message>
        <source>The connection to %1 was lost: the machine stopped answering.</source>
        <extracomment>%1 is a machine</extracomment>
        <translation>与 %1 的连接已丢失：该主机不再应答。</translation>
    </message>
    <message>
        <source>The connection to %1 broke off (broken pipe).</source>
        <extracomment>%1 is a machine; &quot;broken pipe&quot; is what ssh said</extracomment>
        <translation>与 %1 的连接已中断（broken pipe）。</translation>
    </message>
    <message>
        <source>The connection to %1 was reset, by the machine or by something on the way.</source>
        <extracomment>%1 is a machine</extracomment>
        <translation>与 %1 的连接被重置，重置者是该主机或途中的某个设备。</translation>
    </message>
    <message>
        <source>%1 closed the connection (the session was ended there, or the machine is shutting down).</source>
        <extracomment>%1 is a machine</extracomment>
        <translation>%1 关闭了连接（会话在那里被结束，或该主机正在关机）。</translation>
    </message>
    <message>
        <source>%1 closed the connection before the login completed.</source>
        <extracomment>%1 is a machine</extracomment>
        <translation>%1 在登录完成前关闭了连接。</translation>
    </message>
    <message>
        <source>%1 ended the connection: %2.</source>
        <extracomment>%1 is a machine, %2 the reason its SSH server gave, in English</extracomment>
        <translation>%1 结束了连接：%2。</translation>
    </message>
</context>
<context>
    <name>pr::AddRemoteMachineDialog</name>
    <message>
        <source>Add Remote Machine</source>
        <translation>添加远程机器</translation>
    </message>
    <message>
        <source>Packet Recorder records the machine through your own ssh: its keys, agent, ~/.ssh/config and known hosts. A password or a new host key is asked in a dialog and never stored.</source>
        <translation>Packet Recorder 通过您自己的 ssh 录制该机器：使用您的密钥、代理、~/.ssh/config 和已知主机。密码或新的主机密钥会在对话框中询问，且从不保存。</translation>
    </message>
    <message>
        <source>alice@web1, web1:2222 or a Host alias</source>
        <extracomment>Placeholder of the machine field; keep the examples as they are</extracomment>
        <translation>alice@web1、web1:2222 或 Host 别名</translation>
    </message>
    <message>
        <source>Machine</source>
        <translation>机器</translation>
    </message>
    <message>
        <source>What you would type after &quot;ssh&quot;: user@host, host, host:port or a Host alias of ~/.ssh/config</source>
        <translation>即您在“ssh”后输入的内容：user@host、host、host:port 或 ~/.ssh/config 中的 Host 别名</translation>
    </message>
    <message>
        <source>&amp;Compress the channel (ssh -C)</source>
        <translation>压缩通道（ssh -C）(&amp;C)</translation>
    </message>
    <message>
        <source>Fewer bytes on a slow link, more CPU on both ends; of little use on a fast local network</source>
        <translation>在慢速链路上传输更少的字节，但两端占用更多 CPU；在快速局域网中用处不大</translation>
    </message>
    <message>
        <source>&amp;Machine:</source>
        <extracomment>Label of the field for user@host or a Host alias</extracomment>
        <translation>机器(&amp;M)：</translation>
    </message>
    <message>
        <source>&amp;Add</source>
        <extracomment>The dialog&apos;s OK button</extracomment>
        <translation>添加(&amp;A)</translation>
    </message>
    <message>
        <source>%1 is in the list already.</source>
        <translation>%1 已在列表中。</translation>
    </message>
    <message>
        <source>as the recording</source>
        <translation>与录制相同</translation>
    </message>
    <message>
        <source> bytes</source>
        <extracomment>Unit after the per-machine snap length</extracomment>
        <translation> 字节</translation>
    </message>
    <message>
        <source>Bytes kept of each packet on this machine: 96 or 128 keep the headers only, for a slow link</source>
        <translation>在该机器上每个分组保留的字节数：96 或 128 只保留头部，适合慢速链路</translation>
    </message>
    <message>
        <source>&amp;Snap length there:</source>
        <extracomment>Label of the per-machine snap length</extracomment>
        <translation>该机器上的快照长度(&amp;S)：</translation>
    </message>
</context>
<context>
    <name>pr::AskpassDialog</name>
    <message>
        <source>ssh does not know the key of this machine yet. Connect only if the fingerprint below is the one its administrator gives you; ssh then remembers the key in known_hosts.</source>
        <translation>ssh 还不认识这台主机的密钥。只有当下面的指纹与该主机的管理员提供给您的指纹一致时才连接；之后 ssh 会将该密钥记在 known_hosts 中。</translation>
    </message>
    <message>
        <source>Connect and remember this key</source>
        <extracomment>Button of the dialog that asks whether to trust a machine ssh has not seen before</extracomment>
        <translation>连接并记住此密钥</translation>
    </message>
    <message>
        <source>Cancel</source>
        <extracomment>Button of the same dialog: do not connect (ssh is told &quot;no&quot;)</extracomment>
        <translation>取消</translation>
    </message>
</context>
<context>
    <name>pr::CaptureFileReader</name>
    <message>
        <source>Not a pcap or pcapng file.</source>
        <translation>不是 pcap 或 pcapng 文件。</translation>
    </message>
    <message>
        <source>The file ends inside the packet at offset %1.</source>
        <translation>文件在偏移量 %1 处的分组中间结束。</translation>
    </message>
    <message>
        <source>libpcap could not set up a writer.</source>
        <translation>libpcap 无法创建写入器。</translation>
    </message>
    <message>
        <source>The file could not be written completely.</source>
        <translation>无法完整写入文件。</translation>
    </message>
    <message>
        <source>Unknown file format &quot;%1&quot;.</source>
        <translation>未知的文件格式“%1”。</translation>
    </message>
    <message>
        <source>%1 could not be written: %2</source>
        <translation>无法写入 %1：%2</translation>
    </message>
    <message>
        <source>Link type %1 cannot be stored in a pcapng file.</source>
        <translation>链路类型 %1 无法存储在 pcapng 文件中。</translation>
    </message>
</context>
<context>
    <name>pr::CaptureFileScanner</name>
    <message>
        <source>The file is damaged at byte %1: %2</source>
        <extracomment>%1 is a byte offset in the file, %2 says what is wrong there</extracomment>
        <translation>文件在第 %1 字节处已损坏：%2</translation>
    </message>
    <message>
        <source>a file header where a packet was expected</source>
        <translation>在应为分组的位置出现了文件头</translation>
    </message>
    <message>
        <source>This is not a pcap or pcapng file.</source>
        <translation>这不是 pcap 或 pcapng 文件。</translation>
    </message>
    <message>
        <source>a packet of %1 bytes</source>
        <translation>一个 %1 字节的分组</translation>
    </message>
    <message>
        <source>a section header of unknown byte order</source>
        <translation>字节序未知的节头部</translation>
    </message>
    <message>
        <source>a block of %1 bytes</source>
        <translation>一个 %1 字节的块</translation>
    </message>
    <message>
        <source>a section of an unknown pcapng version</source>
        <translation>未知 pcapng 版本的节</translation>
    </message>
    <message>
        <source>a block outside any section</source>
        <translation>不属于任何节的块</translation>
    </message>
    <message>
        <source>a block whose two lengths differ</source>
        <translation>两个长度字段不一致的块</translation>
    </message>
    <message>
        <source>a packet of interface %1, which the file has not described</source>
        <translation>接口 %1 的分组，但文件未描述该接口</translation>
    </message>
</context>
<context>
    <name>pr::CaptureOptionsWidget</name>
    <message>
        <source>&amp;Update list of packets in real time</source>
        <comment>Wireshark&apos;s name for showing packets in the list while recording</comment>
        <translation>实时更新数据包列表(&amp;U)</translation>
    </message>
    <message>
        <source>Off, a long recording costs the window nothing: the list shows the packets when the recording stops.</source>
        <translation>关闭时，长时间录制不占用窗口资源：录制结束后列表才显示数据包。</translation>
    </message>
    <message>
        <source>&amp;Immediate mode</source>
        <comment>tcpdump&apos;s name: hand each packet over at once, not in blocks</comment>
        <translation>立即模式(&amp;I)</translation>
    </message>
    <message>
        <source>Packets reach the file and the list within a millisecond instead of in blocks of up to 50 ms, for more wake-ups while traffic is light.</source>
        <translation>数据包在一毫秒内写入文件并显示在列表中，而不是以最长 50 毫秒的块为单位；流量较少时唤醒次数更多。</translation>
    </message>
    <message>
        <source>New file every N pac&amp;kets:</source>
        <comment>Start the next file of a set after this many packets (dumpcap -b packets)</comment>
        <translation>每 N 个数据包新建文件(&amp;K)：</translation>
    </message>
    <message>
        <source>Start the next file of the set after this many packets.</source>
        <translation>达到这么多个数据包后开始该组的下一个文件。</translation>
    </message>
    <message>
        <source>After f&amp;iles:</source>
        <comment>Stop automatically after this many files of a set</comment>
        <translation>文件数达到(&amp;I)：</translation>
    </message>
    <message>
        <source>With a split recording: stop once this many files are finished.</source>
        <translation>分割录制时：完成这么多个文件后停止。</translation>
    </message>
    <message>
        <source>Capture filter</source>
        <translation>捕获过滤器</translation>
    </message>
    <message>
        <source>Capture filter status</source>
        <translation>捕获过滤器状态</translation>
    </message>
    <message>
        <source>Packets</source>
        <translation>分组</translation>
    </message>
    <message>
        <source> bytes</source>
        <extracomment>Unit suffix of the snapshot length spin box</extracomment>
        <translation> 字节</translation>
    </message>
    <message>
        <source>Snapshot length</source>
        <translation>快照长度</translation>
    </message>
    <message>
        <source>Bytes kept of each packet; longer packets are truncated.</source>
        <translation>每个分组保留的字节数；更长的分组会被截断。</translation>
    </message>
    <message>
        <source>&amp;Snapshot length:</source>
        <translation>快照长度(&amp;S)：</translation>
    </message>
    <message>
        <source>&amp;Promiscuous mode</source>
        <translation>混杂模式(&amp;P)</translation>
    </message>
    <message>
        <source>Promiscuous mode</source>
        <translation>混杂模式</translation>
    </message>
    <message>
        <source>Also record frames addressed to other hosts on the same network segment.</source>
        <translation>同时录制发往同一网段上其他主机的帧。</translation>
    </message>
    <message>
        <source> MiB</source>
        <extracomment>Unit suffix: mebibytes</extracomment>
        <translation> MiB</translation>
    </message>
    <message>
        <source>Kernel buffer size</source>
        <translation>内核缓冲区大小</translation>
    </message>
    <message>
        <source>Memory the kernel fills while the recorder writes; larger survives longer bursts.</source>
        <translation>录制程序写入时由内核填充的内存；越大越能承受更长的突发流量。</translation>
    </message>
    <message>
        <source>Kernel &amp;buffer:</source>
        <translation>内核缓冲区(&amp;B)：</translation>
    </message>
    <message>
        <source>Output</source>
        <translation>输出</translation>
    </message>
    <message>
        <source>pcap (nanosecond)</source>
        <translation>pcap（纳秒）</translation>
    </message>
    <message>
        <source>pcap (microsecond)</source>
        <translation>pcap（微秒）</translation>
    </message>
    <message>
        <source>pcapng</source>
        <translation>pcapng</translation>
    </message>
    <message>
        <source>File format</source>
        <translation>文件格式</translation>
    </message>
    <message>
        <source>Microsecond pcap suits older tools; pcapng keeps interface names and direction.</source>
        <translation>微秒 pcap 适合旧工具；pcapng 保留接口名称和方向。</translation>
    </message>
    <message>
        <source>File &amp;format:</source>
        <translation>文件格式(&amp;F)：</translation>
    </message>
    <message>
        <source>Output folder</source>
        <translation>输出文件夹</translation>
    </message>
    <message>
        <source>B&amp;rowse…</source>
        <translation>浏览(&amp;R)…</translation>
    </message>
    <message>
        <source>Choose output folder</source>
        <translation>选择输出文件夹</translation>
    </message>
    <message>
        <source>F&amp;older:</source>
        <translation>文件夹(&amp;O)：</translation>
    </message>
    <message>
        <source>Output folder status</source>
        <translation>输出文件夹状态</translation>
    </message>
    <message>
        <source>Stop automatically</source>
        <translation>自动停止</translation>
    </message>
    <message>
        <source>After &amp;duration:</source>
        <translation>持续时间达到(&amp;D)：</translation>
    </message>
    <message>
        <source>Stop after a duration</source>
        <translation>经过指定时长后停止</translation>
    </message>
    <message>
        <source> s</source>
        <extracomment>Unit suffix: seconds</extracomment>
        <translation> 秒</translation>
    </message>
    <message>
        <source>Duration in seconds</source>
        <translation>时长（秒）</translation>
    </message>
    <message>
        <source>After file &amp;size:</source>
        <translation>文件大小达到(&amp;S)：</translation>
    </message>
    <message>
        <source>Stop after a file size</source>
        <translation>文件达到指定大小后停止</translation>
    </message>
    <message>
        <source>File size in MiB</source>
        <translation>文件大小（MiB）</translation>
    </message>
    <message>
        <source>After &amp;packets:</source>
        <translation>分组数达到(&amp;P)：</translation>
    </message>
    <message>
        <source>Stop after a packet count</source>
        <translation>达到指定分组数后停止</translation>
    </message>
    <message>
        <source>Packet count</source>
        <translation>分组数</translation>
    </message>
    <message>
        <source>Language</source>
        <translation>语言</translation>
    </message>
    <message>
        <source>&amp;Language:</source>
        <translation>语言(&amp;L)：</translation>
    </message>
    <message>
        <source>Takes effect when Packet Recorder is restarted.</source>
        <translation>重新启动 Packet Recorder 后生效。</translation>
    </message>
    <message>
        <source>The capture filter is invalid: %1</source>
        <translation>捕获过滤器无效：%1</translation>
    </message>
    <message>
        <source>Choose a folder for the recording.</source>
        <translation>请为录制选择一个文件夹。</translation>
    </message>
    <message>
        <source>The folder %1 does not exist.</source>
        <translation>文件夹 %1 不存在。</translation>
    </message>
    <message>
        <source>The folder %1 is not writable.</source>
        <translation>文件夹 %1 不可写。</translation>
    </message>
    <message>
        <source>Folder for recordings</source>
        <translation>录制文件夹</translation>
    </message>
    <message>
        <source>This folder does not exist.</source>
        <translation>此文件夹不存在。</translation>
    </message>
    <message>
        <source>This folder is not writable.</source>
        <translation>此文件夹不可写。</translation>
    </message>
    <message>
        <source>Split into se&amp;veral files</source>
        <translation>拆分为多个文件(&amp;V)</translation>
    </message>
    <message>
        <source>Split the recording into several files</source>
        <translation>将录制拆分为多个文件</translation>
    </message>
    <message>
        <source>Start a new file when it reaches a size or after a time, whichever comes first. Wireshark opens the files as a set.</source>
        <translation>文件达到指定大小或经过指定时间时（以先到者为准）开始新文件。Wireshark 会将这些文件作为文件集打开。</translation>
    </message>
    <message>
        <source>New file every:</source>
        <translation>按大小分割：</translation>
    </message>
    <message>
        <source>Start a new file at a size</source>
        <translation>达到指定大小时开始新文件</translation>
    </message>
    <message>
        <source> MB</source>
        <extracomment>Unit suffix: megabytes (1,000,000 bytes)</extracomment>
        <translation> MB</translation>
    </message>
    <message>
        <source>File size in MB</source>
        <translation>文件大小（MB）</translation>
    </message>
    <message>
        <source>New file after:</source>
        <translation>按时间分割：</translation>
    </message>
    <message>
        <source>Start a new file after a time</source>
        <translation>经过指定时间后开始新文件</translation>
    </message>
    <message>
        <source>Time per file</source>
        <translation>每个文件的时长</translation>
    </message>
    <message>
        <source>Unit of the time per file</source>
        <translation>每个文件时长的单位</translation>
    </message>
    <message>
        <source>&amp;Keep only the newest:</source>
        <translation>仅保留最新的(&amp;K)：</translation>
    </message>
    <message>
        <source>Keep only the newest files (ring buffer)</source>
        <translation>仅保留最新的文件（环形缓冲区）</translation>
    </message>
    <message>
        <source>A ring buffer: when a new file starts, the oldest beyond this number is deleted.</source>
        <translation>环形缓冲区：开始新文件时，超出此数量的最旧文件将被删除。</translation>
    </message>
    <message>
        <source>Number of files to keep</source>
        <translation>要保留的文件数</translation>
    </message>
    <message>
        <source>Choose when a new file starts: at a size, after a time, or both.</source>
        <translation>请选择何时开始新文件：按大小、按时间或两者兼有。</translation>
    </message>
    <message numerus="yes">
        <source>second(s)</source>
        <extracomment>Unit of the time per file, after a number</extracomment>
        <translation>
            <numerusform>秒</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>minute(s)</source>
        <extracomment>Unit of the time per file, after a number</extracomment>
        <translation>
            <numerusform>分钟</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source> file(s)</source>
        <extracomment>Unit suffix of the number of files to keep, after the number</extracomment>
        <translation>
            <numerusform> 个文件</numerusform>
        </translation>
    </message>
    <message>
        <source>Each file gets a number and its start time: %1, %2, …</source>
        <extracomment>%1 and %2 are the ends of example file names of a split recording</extracomment>
        <translation>每个文件带有编号和开始时间：%1、%2、…</translation>
    </message>
    <message>
        <source>Programs</source>
        <extracomment>Options group: which program sent each packet</extracomment>
        <translation>程序</translation>
    </message>
    <message>
        <source>Show which &amp;program sent each packet</source>
        <translation>显示每个分组由哪个程序发送(&amp;P)</translation>
    </message>
    <message>
        <source>Names the program and user behind each TCP and UDP packet, in the Programs view and the packet list&apos;s Program column. Other users&apos; programs are shown by their account only.</source>
        <translation>在“程序”视图和分组列表的“程序”列中显示每个 TCP 和 UDP 分组背后的程序和用户。其他用户的程序只显示其账户。</translation>
    </message>
    <message>
        <source>&amp;Write each packet&apos;s program into the file (pcapng comment)</source>
        <translation>将每个分组的程序写入文件（pcapng 注释）(&amp;W)</translation>
    </message>
    <message>
        <source>Wireshark shows the comment with each packet and finds a program&apos;s packets with the filter frame.comment contains &quot;curl&quot;.</source>
        <translation>Wireshark 会在每个分组旁显示该注释，并可用过滤器 frame.comment contains &quot;curl&quot; 找出某个程序的分组。</translation>
    </message>
    <message>
        <source>A pcap file has nowhere to store it: choose pcapng to keep the programs in the file.</source>
        <extracomment>Options note, shown when the file format is pcap</extracomment>
        <translation>pcap 文件无处存放这些信息：请选择 pcapng 以在文件中保留程序。</translation>
    </message>
    <message>
        <source>Show which program sent each packet</source>
        <translation>显示每个分组由哪个程序发送</translation>
    </message>
    <message>
        <source>Write each packet&apos;s program into the file</source>
        <translation>将每个分组的程序写入文件</translation>
    </message>
</context>
<context>
    <name>pr::CaptureStatusBar</name>
    <message>
        <source>Status bar</source>
        <translation>状态栏</translation>
    </message>
    <message>
        <source>Recording state</source>
        <translation>录制状态</translation>
    </message>
    <message>
        <source>Elapsed time</source>
        <translation>已用时间</translation>
    </message>
    <message>
        <source>Packets recorded</source>
        <translation>已录制的分组</translation>
    </message>
    <message>
        <source>Bytes recorded</source>
        <translation>已录制的字节</translation>
    </message>
    <message>
        <source>Average rate</source>
        <translation>平均速率</translation>
    </message>
    <message>
        <source>Packets dropped by the kernel</source>
        <translation>被内核丢弃的分组</translation>
    </message>
    <message>
        <source>Capture file</source>
        <translation>捕获文件</translation>
    </message>
    <message>
        <source>Ready</source>
        <translation>就绪</translation>
    </message>
    <message>
        <source>Waiting for permission to record on %1…</source>
        <extracomment>Status bar while the password prompt for recording is open; %1 is an interface name such as eth0</extracomment>
        <translation>正在等待在 %1 上录制的授权…</translation>
    </message>
    <message>
        <source>Starting to record on %1…</source>
        <extracomment>Status bar between clicking Record and the helper&apos;s start; %1 is an interface name such as eth0</extracomment>
        <translation>正在 %1 上开始录制…</translation>
    </message>
    <message>
        <source>Recording on %1</source>
        <extracomment>Status bar while a recording runs; %1 is an interface name such as eth0.</extracomment>
        <translation>正在 %1 上录制</translation>
    </message>
    <message>
        <source>Stopped</source>
        <translation>已停止</translation>
    </message>
    <message>
        <source>Opened</source>
        <extracomment>Status bar after File &gt; Open</extracomment>
        <translation>已打开</translation>
    </message>
    <message numerus="yes">
        <source>%Ln packet(s)</source>
        <extracomment>Status bar: packets recorded so far</extracomment>
        <translation>
            <numerusform>%Ln 个分组</numerusform>
        </translation>
    </message>
    <message>
        <source>avg %1</source>
        <extracomment>Status bar: average data rate since the recording started</extracomment>
        <translation>平均 %1</translation>
    </message>
    <message>
        <source>%1 dropped</source>
        <extracomment>Status bar: packets the kernel dropped because the capture buffer was full</extracomment>
        <translation>已丢弃 %1</translation>
    </message>
    <message>
        <source>%1 in %2</source>
        <extracomment>Status bar: %1 is the file size, %2 the file path</extracomment>
        <translation>%2（%1）</translation>
    </message>
    <message>
        <source>File of the set</source>
        <translation>文件集中的文件</translation>
    </message>
    <message numerus="yes">
        <source>file %1, %Ln kept</source>
        <extracomment>Status bar, a recording split into a set of files: %1 is the number of the file being written, %Ln how many files of the set are on disk</extracomment>
        <translation>
            <numerusform>第 %1 个文件，保留 %Ln 个</numerusform>
        </translation>
    </message>
    <message>
        <source>Reading the file</source>
        <translation>正在读取文件</translation>
    </message>
    <message>
        <source>Reading %p%</source>
        <extracomment>Progress bar in the status bar while an opened file is read; %p is the percentage</extracomment>
        <translation>读取 %p%</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <source>Stop reading the file: the list keeps the packets read so far</source>
        <translation>停止读取文件：列表保留已读取的分组</translation>
    </message>
    <message>
        <source>%1 ended</source>
        <extracomment>Status bar: some interfaces of a recording ended, the others go on; %1 lists them (&quot;web2:eth0 and web3:eth0&quot;)</extracomment>
        <translation>%1 已结束</translation>
    </message>
    <message>
        <source>, %1 over ssh</source>
        <extracomment>Status bar, recording other machines: %1 the bytes their ssh connections carried to this computer</extracomment>
        <translation>，经 ssh 传输 %1</translation>
    </message>
    <message>
        <source>The ssh connections carried %1 to record the %2 of the file.</source>
        <translation>ssh 连接传输了 %1，录制出 %2 的文件。</translation>
    </message>
</context>
<context>
    <name>pr::FilterLineEdit</name>
    <message>
        <source>The filter is longer than %1 characters.</source>
        <translation>过滤器长度超过 %1 个字符。</translation>
    </message>
    <message>
        <source>libpcap could not open a compiler for this link type.</source>
        <translation>libpcap 无法为此链路类型打开编译器。</translation>
    </message>
    <message>
        <source>Capture filter, e.g. tcp port 443 or host 192.0.2.1</source>
        <translation>捕获过滤器，例如 tcp port 443 或 host 192.0.2.1</translation>
    </message>
    <message>
        <source>Capture filter</source>
        <translation>捕获过滤器</translation>
    </message>
    <message>
        <source>A libpcap filter expression; empty records every packet</source>
        <translation>libpcap 过滤表达式；留空则录制所有分组</translation>
    </message>
    <message>
        <source>No filter: every packet is recorded.</source>
        <translation>无过滤器：录制所有分组。</translation>
    </message>
    <message>
        <source>The filter is valid.</source>
        <translation>过滤器有效。</translation>
    </message>
</context>
<context>
    <name>pr::FrameDecoder</name>
    <message>
        <source>Unicast to us</source>
        <translation>发往本机的单播</translation>
    </message>
    <message>
        <source>Broadcast</source>
        <translation>广播</translation>
    </message>
    <message>
        <source>Multicast</source>
        <translation>组播</translation>
    </message>
    <message>
        <source>Unicast to another host</source>
        <translation>发往其他主机的单播</translation>
    </message>
    <message>
        <source>Sent by us</source>
        <translation>由本机发送</translation>
    </message>
    <message>
        <source>Unknown (%1)</source>
        <translation>未知（%1）</translation>
    </message>
    <message>
        <source>[First %1 bytes only]</source>
        <translation>[仅前 %1 字节]</translation>
    </message>
    <message>
        <source>[Only the first %1 bytes of the frame are shown]</source>
        <translation>[仅显示该帧的前 %1 字节]</translation>
    </message>
    <message>
        <source>[Truncated %1]</source>
        <translation>[已截断：%1]</translation>
    </message>
    <message>
        <source>[Malformed: %1]</source>
        <translation>[格式错误：%1]</translation>
    </message>
    <message>
        <source>IP header</source>
        <translation>IP 头部</translation>
    </message>
    <message>
        <source>IP version %1</source>
        <translation>IP 版本 %1</translation>
    </message>
    <message>
        <source>Link type %1</source>
        <translation>链路类型 %1</translation>
    </message>
    <message>
        <source>Not decoded</source>
        <translation>未解码</translation>
    </message>
    <message>
        <source>Link type %1 (not decoded), %2 bytes</source>
        <translation>链路类型 %1（未解码），%2 字节</translation>
    </message>
    <message>
        <source>Ethernet II</source>
        <translation>Ethernet II</translation>
    </message>
    <message>
        <source>Ethernet header</source>
        <translation>以太网头部</translation>
    </message>
    <message>
        <source>Ethernet II, Src: %1, Dst: %2</source>
        <translation>Ethernet II, Src: %1, Dst: %2</translation>
    </message>
    <message>
        <source>Destination: %1</source>
        <translation>目的地址：%1</translation>
    </message>
    <message>
        <source>Source: %1</source>
        <translation>源地址：%1</translation>
    </message>
    <message>
        <source>IEEE 802.3, length %1</source>
        <translation>IEEE 802.3，长度 %1</translation>
    </message>
    <message>
        <source>Length: %1</source>
        <translation>长度：%1</translation>
    </message>
    <message>
        <source>IEEE 802.3 Ethernet, Src: %1, Dst: %2</source>
        <translation>IEEE 802.3 Ethernet, Src: %1, Dst: %2</translation>
    </message>
    <message>
        <source>Linux cooked capture v1</source>
        <translation>Linux cooked capture v1</translation>
    </message>
    <message>
        <source>Linux cooked header</source>
        <translation>Linux cooked 头部</translation>
    </message>
    <message>
        <source>Packet type: %1 (%2)</source>
        <translation>分组类型：%1（%2）</translation>
    </message>
    <message>
        <source>Link-layer address type: %1</source>
        <translation>链路层地址类型：%1</translation>
    </message>
    <message>
        <source>Link-layer address length: %1</source>
        <translation>链路层地址长度：%1</translation>
    </message>
    <message>
        <source>Protocol: %1</source>
        <translation>协议：%1</translation>
    </message>
    <message>
        <source>Protocol: %1 (%2)</source>
        <translation>协议：%1（%2）</translation>
    </message>
    <message>
        <source>Linux cooked capture v2</source>
        <translation>Linux cooked capture v2</translation>
    </message>
    <message>
        <source>Interface index: %1</source>
        <translation>接口索引：%1</translation>
    </message>
    <message>
        <source>Type: %1</source>
        <translation>类型：%1</translation>
    </message>
    <message>
        <source>Type: %1 (%2)</source>
        <translation>类型：%1（%2）</translation>
    </message>
    <message>
        <source>Ethernet II, type %1, %2 bytes of payload</source>
        <translation>Ethernet II，类型 %1，载荷 %2 字节</translation>
    </message>
    <message>
        <source>Data (%1 bytes)</source>
        <translation>数据（%1 字节）</translation>
    </message>
    <message>
        <source>more than 8 stacked VLAN tags</source>
        <translation>堆叠的 VLAN 标签超过 8 个</translation>
    </message>
    <message>
        <source>VLAN tag</source>
        <translation>VLAN 标签</translation>
    </message>
    <message>
        <source>%1, PRI: %2, DEI: %3, ID: %4</source>
        <translation>%1, PRI: %2, DEI: %3, ID: %4</translation>
    </message>
    <message>
        <source>Priority: %1</source>
        <translation>优先级：%1</translation>
    </message>
    <message>
        <source>DEI: %1</source>
        <translation>DEI：%1</translation>
    </message>
    <message>
        <source>ID: %1</source>
        <translation>ID：%1</translation>
    </message>
    <message>
        <source>VLAN %1</source>
        <translation>VLAN %1</translation>
    </message>
    <message>
        <source>Address Resolution Protocol</source>
        <translation>Address Resolution Protocol</translation>
    </message>
    <message>
        <source>ARP header</source>
        <translation>ARP 头部</translation>
    </message>
    <message>
        <source>request</source>
        <translation>请求</translation>
    </message>
    <message>
        <source>reply</source>
        <translation>应答</translation>
    </message>
    <message>
        <source>opcode %1</source>
        <translation>操作码 %1</translation>
    </message>
    <message>
        <source>Address Resolution Protocol (%1)</source>
        <translation>Address Resolution Protocol（%1）</translation>
    </message>
    <message>
        <source>Hardware type: %1</source>
        <translation>硬件类型：%1</translation>
    </message>
    <message>
        <source>Protocol type: %1</source>
        <translation>协议类型：%1</translation>
    </message>
    <message>
        <source>Hardware size: %1</source>
        <translation>硬件地址长度：%1</translation>
    </message>
    <message>
        <source>Protocol size: %1</source>
        <translation>协议地址长度：%1</translation>
    </message>
    <message>
        <source>Opcode: %1 (%2)</source>
        <translation>操作码：%1（%2）</translation>
    </message>
    <message>
        <source>ARP %1 (hardware size %2, protocol size %3)</source>
        <translation>ARP %1（硬件地址长度 %2，协议地址长度 %3）</translation>
    </message>
    <message>
        <source>ARP addresses</source>
        <translation>ARP 地址</translation>
    </message>
    <message>
        <source>Sender MAC address: %1</source>
        <translation>发送方 MAC 地址：%1</translation>
    </message>
    <message>
        <source>Sender IP address: %1</source>
        <translation>发送方 IP 地址：%1</translation>
    </message>
    <message>
        <source>Target MAC address: %1</source>
        <translation>目标 MAC 地址：%1</translation>
    </message>
    <message>
        <source>Target IP address: %1</source>
        <translation>目标 IP 地址：%1</translation>
    </message>
    <message>
        <source>ARP Announcement for %1</source>
        <translation>%1 的 ARP 通告</translation>
    </message>
    <message>
        <source>Who has %1? Tell %2</source>
        <translation>谁是 %1？请告诉 %2</translation>
    </message>
    <message>
        <source>%1 is at %2</source>
        <translation>%1 位于 %2</translation>
    </message>
    <message>
        <source>ARP opcode %1</source>
        <translation>ARP 操作码 %1</translation>
    </message>
    <message>
        <source>Internet Protocol Version 4</source>
        <translation>Internet Protocol Version 4</translation>
    </message>
    <message>
        <source>IPv4 header</source>
        <translation>IPv4 头部</translation>
    </message>
    <message>
        <source>Internet Protocol Version 4, Src: %1, Dst: %2</source>
        <translation>Internet Protocol Version 4, Src: %1, Dst: %2</translation>
    </message>
    <message>
        <source>Version: %1</source>
        <translation>版本：%1</translation>
    </message>
    <message>
        <source>Header Length: %1 bytes (%2)</source>
        <translation>头部长度：%1 字节（%2）</translation>
    </message>
    <message>
        <source>Differentiated Services Field: %1 (DSCP: %2, ECN: %3)</source>
        <translation>区分服务字段：%1（DSCP：%2，ECN：%3）</translation>
    </message>
    <message>
        <source>Total Length: %1</source>
        <translation>总长度：%1</translation>
    </message>
    <message>
        <source>Identification: %1 (%2)</source>
        <translation>标识：%1（%2）</translation>
    </message>
    <message>
        <source>Reserved bit</source>
        <translation>保留位</translation>
    </message>
    <message>
        <source>Don&apos;t fragment</source>
        <translation>不分片</translation>
    </message>
    <message>
        <source>More fragments</source>
        <translation>更多分片</translation>
    </message>
    <message>
        <source>Flags: %1</source>
        <translation>标志：%1</translation>
    </message>
    <message>
        <source>Flags: %1, %2</source>
        <translation>标志：%1，%2</translation>
    </message>
    <message>
        <source>Fragment Offset: %1</source>
        <translation>分片偏移：%1</translation>
    </message>
    <message>
        <source>Time to Live: %1</source>
        <translation>生存时间：%1</translation>
    </message>
    <message>
        <source>Header Checksum: %1</source>
        <translation>头部校验和：%1</translation>
    </message>
    <message>
        <source>Source Address: %1</source>
        <translation>源地址：%1</translation>
    </message>
    <message>
        <source>Destination Address: %1</source>
        <translation>目的地址：%1</translation>
    </message>
    <message>
        <source>IPv4 version field is %1</source>
        <translation>IPv4 版本字段为 %1</translation>
    </message>
    <message>
        <source>IPv4 header length %1 &lt; 20</source>
        <translation>IPv4 头部长度 %1 &lt; 20</translation>
    </message>
    <message>
        <source>IPv4 total length %1 &lt; header length %2</source>
        <translation>IPv4 总长度 %1 &lt; 头部长度 %2</translation>
    </message>
    <message>
        <source>Options: (%1 bytes)</source>
        <translation>选项：（%1 字节）</translation>
    </message>
    <message>
        <source>%1 [Malformed option]</source>
        <translation>%1 [格式错误的选项]</translation>
    </message>
    <message>
        <source>%1 (%2 bytes)</source>
        <translation>%1（%2 字节）</translation>
    </message>
    <message>
        <source>IPv4 options</source>
        <translation>IPv4 选项</translation>
    </message>
    <message>
        <source>Fragmented IP protocol (proto=%1 %2, off=%3, ID=%4)</source>
        <translation>分片的 IP 协议（proto=%1 %2，off=%3，ID=%4）</translation>
    </message>
    <message>
        <source>Unknown</source>
        <translation>未知</translation>
    </message>
    <message>
        <source>Fragment data (%1 bytes)</source>
        <translation>分片数据（%1 字节）</translation>
    </message>
    <message>
        <source>Internet Protocol Version 6</source>
        <translation>Internet Protocol Version 6</translation>
    </message>
    <message>
        <source>IPv6 header</source>
        <translation>IPv6 头部</translation>
    </message>
    <message>
        <source>Internet Protocol Version 6, Src: %1, Dst: %2</source>
        <translation>Internet Protocol Version 6, Src: %1, Dst: %2</translation>
    </message>
    <message>
        <source>Traffic Class: %1</source>
        <translation>流量类别：%1</translation>
    </message>
    <message>
        <source>Flow Label: %1</source>
        <translation>流标签：%1</translation>
    </message>
    <message>
        <source>Payload Length: %1</source>
        <translation>载荷长度：%1</translation>
    </message>
    <message>
        <source>Next Header: %1</source>
        <translation>下一个头部：%1</translation>
    </message>
    <message>
        <source>Next Header: %1 (%2)</source>
        <translation>下一个头部：%1（%2）</translation>
    </message>
    <message>
        <source>Hop Limit: %1</source>
        <translation>跳数限制：%1</translation>
    </message>
    <message>
        <source>IPv6 version field is %1</source>
        <translation>IPv6 版本字段为 %1</translation>
    </message>
    <message>
        <source>IPv6 extension header</source>
        <translation>IPv6 扩展头部</translation>
    </message>
    <message>
        <source>%1, length %2 bytes</source>
        <translation>%1，长度 %2 字节</translation>
    </message>
    <message>
        <source>IPv6 extension header beyond the payload length</source>
        <translation>IPv6 扩展头部超出载荷长度</translation>
    </message>
    <message>
        <source>IPv6 fragment header</source>
        <translation>IPv6 分片头部</translation>
    </message>
    <message>
        <source>Fragment Header, offset %1, %2, ID %3</source>
        <translation>分片头部，偏移 %1，%2，ID %3</translation>
    </message>
    <message>
        <source>more fragments</source>
        <translation>更多分片</translation>
    </message>
    <message>
        <source>last fragment</source>
        <translation>最后一个分片</translation>
    </message>
    <message>
        <source>IPv6 fragment (off=%1 more=%2 ident=%3 nxt=%4)</source>
        <translation>IPv6 分片（off=%1 more=%2 ident=%3 nxt=%4）</translation>
    </message>
    <message>
        <source>too many IPv6 extension headers</source>
        <translation>IPv6 扩展头部过多</translation>
    </message>
    <message>
        <source>No next header</source>
        <translation>无下一个头部</translation>
    </message>
    <message>
        <source>IPv6 payload length %1 too small</source>
        <translation>IPv6 载荷长度 %1 过小</translation>
    </message>
    <message>
        <source>IP protocol %1, %2 bytes</source>
        <translation>IP 协议 %1，%2 字节</translation>
    </message>
    <message>
        <source>%1, %2 bytes</source>
        <translation>%1，%2 字节</translation>
    </message>
    <message>
        <source>%1 data (%2 bytes)</source>
        <translation>%1 数据（%2 字节）</translation>
    </message>
    <message>
        <source>Protocol %1</source>
        <translation>协议 %1</translation>
    </message>
    <message>
        <source>Domain Name System</source>
        <translation>Domain Name System</translation>
    </message>
    <message>
        <source>DNS message shorter than its 12-byte header</source>
        <translation>DNS 消息短于其 12 字节的头部</translation>
    </message>
    <message>
        <source>DNS header</source>
        <translation>DNS 头部</translation>
    </message>
    <message>
        <source>Domain Name System (response)</source>
        <translation>Domain Name System（响应）</translation>
    </message>
    <message>
        <source>Domain Name System (query)</source>
        <translation>Domain Name System（查询）</translation>
    </message>
    <message>
        <source>Transaction ID: %1</source>
        <translation>事务 ID：%1</translation>
    </message>
    <message>
        <source>Flags: %1 %2</source>
        <translation>标志：%1 %2</translation>
    </message>
    <message>
        <source> response</source>
        <translation> 响应</translation>
    </message>
    <message>
        <source>Questions: %1</source>
        <translation>问题数：%1</translation>
    </message>
    <message>
        <source>Answer RRs: %1</source>
        <translation>回答 RR 数：%1</translation>
    </message>
    <message>
        <source>Authority RRs: %1</source>
        <translation>权威 RR 数：%1</translation>
    </message>
    <message>
        <source>Additional RRs: %1</source>
        <translation>附加 RR 数：%1</translation>
    </message>
    <message>
        <source>Queries</source>
        <translation>查询</translation>
    </message>
    <message>
        <source>%1: type %2, class %3</source>
        <translation>%1：类型 %2，类别 %3</translation>
    </message>
    <message>
        <source>Answers</source>
        <translation>回答</translation>
    </message>
    <message>
        <source>%1: type %2, ttl %3%4</source>
        <translation>%1：类型 %2，TTL %3%4</translation>
    </message>
    <message>
        <source>DNS message</source>
        <translation>DNS 消息</translation>
    </message>
    <message>
        <source>DNS record runs past the message</source>
        <translation>DNS 记录超出消息末尾</translation>
    </message>
    <message>
        <source>Transmission Control Protocol</source>
        <translation>Transmission Control Protocol</translation>
    </message>
    <message>
        <source>TCP header beyond the IP payload</source>
        <translation>TCP 头部超出 IP 载荷</translation>
    </message>
    <message>
        <source>TCP header</source>
        <translation>TCP 头部</translation>
    </message>
    <message>
        <source>Transmission Control Protocol, Src Port: %1, Dst Port: %2, Seq: %3, Ack: %4, Len: %5</source>
        <translation>Transmission Control Protocol, Src Port: %1, Dst Port: %2, Seq: %3, Ack: %4, Len: %5</translation>
    </message>
    <message>
        <source>Source Port: %1</source>
        <translation>源端口：%1</translation>
    </message>
    <message>
        <source>Destination Port: %1</source>
        <translation>目的端口：%1</translation>
    </message>
    <message>
        <source>Sequence Number: %1</source>
        <translation>序列号：%1</translation>
    </message>
    <message>
        <source>Acknowledgment Number: %1</source>
        <translation>确认号：%1</translation>
    </message>
    <message>
        <source>Flags: %1 (%2)</source>
        <translation>标志：%1（%2）</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1：%2</translation>
    </message>
    <message>
        <source>Set</source>
        <translation>已设置</translation>
    </message>
    <message>
        <source>Not set</source>
        <translation>未设置</translation>
    </message>
    <message>
        <source>Window: %1</source>
        <translation>窗口：%1</translation>
    </message>
    <message>
        <source>Checksum: %1</source>
        <translation>校验和：%1</translation>
    </message>
    <message>
        <source>Urgent Pointer: %1</source>
        <translation>紧急指针：%1</translation>
    </message>
    <message>
        <source>TCP header length %1 &lt; 20</source>
        <translation>TCP 头部长度 %1 &lt; 20</translation>
    </message>
    <message>
        <source>TCP header length %1 beyond the IP payload</source>
        <translation>TCP 头部长度 %1 超出 IP 载荷</translation>
    </message>
    <message>
        <source>: %1 bytes</source>
        <translation>：%1 字节</translation>
    </message>
    <message>
        <source>: %1 (multiply by %2)</source>
        <translation>：%1（乘以 %2）</translation>
    </message>
    <message>
        <source>: TSval %1, TSecr %2</source>
        <translation>：TSval %1，TSecr %2</translation>
    </message>
    <message>
        <source>TCP options</source>
        <translation>TCP 选项</translation>
    </message>
    <message>
        <source>TCP payload (%1 bytes)</source>
        <translation>TCP 载荷（%1 字节）</translation>
    </message>
    <message>
        <source>User Datagram Protocol</source>
        <translation>User Datagram Protocol</translation>
    </message>
    <message>
        <source>UDP header beyond the IP payload</source>
        <translation>UDP 头部超出 IP 载荷</translation>
    </message>
    <message>
        <source>UDP header</source>
        <translation>UDP 头部</translation>
    </message>
    <message>
        <source>User Datagram Protocol, Src Port: %1, Dst Port: %2</source>
        <translation>User Datagram Protocol, Src Port: %1, Dst Port: %2</translation>
    </message>
    <message>
        <source>UDP length %1</source>
        <translation>UDP 长度 %1</translation>
    </message>
    <message>
        <source>Internet Control Message Protocol</source>
        <translation>Internet Control Message Protocol</translation>
    </message>
    <message>
        <source>ICMP header</source>
        <translation>ICMP 头部</translation>
    </message>
    <message>
        <source>Code: %1</source>
        <translation>代码：%1</translation>
    </message>
    <message>
        <source>ICMP echo header</source>
        <translation>ICMP Echo 头部</translation>
    </message>
    <message>
        <source>Identifier (BE): %1 (%2)</source>
        <translation>标识符（BE）：%1（%2）</translation>
    </message>
    <message>
        <source>Sequence Number (BE): %1 (%2)</source>
        <translation>序列号（BE）：%1（%2）</translation>
    </message>
    <message>
        <source>Original datagram (%1 bytes)</source>
        <translation>原始数据报（%1 字节）</translation>
    </message>
    <message>
        <source>ICMPv6 option</source>
        <translation>ICMPv6 选项</translation>
    </message>
    <message>
        <source>ICMPv6 option of length 0</source>
        <translation>长度为 0 的 ICMPv6 选项</translation>
    </message>
    <message>
        <source>ICMPv6 Option (type %1, %2 bytes)</source>
        <translation>ICMPv6 选项（类型 %1，%2 字节）</translation>
    </message>
    <message>
        <source>Source link-layer address: %1</source>
        <translation>源链路层地址：%1</translation>
    </message>
    <message>
        <source>Target link-layer address: %1</source>
        <translation>目标链路层地址：%1</translation>
    </message>
    <message>
        <source>Prefix information (%1 bytes)</source>
        <translation>前缀信息（%1 字节）</translation>
    </message>
    <message>
        <source>MTU (%1 bytes)</source>
        <translation>MTU（%1 字节）</translation>
    </message>
    <message>
        <source>Internet Control Message Protocol v6</source>
        <translation>Internet Control Message Protocol v6</translation>
    </message>
    <message>
        <source>ICMPv6 header</source>
        <translation>ICMPv6 头部</translation>
    </message>
    <message>
        <source>ICMPv6 echo header</source>
        <translation>ICMPv6 Echo 头部</translation>
    </message>
    <message>
        <source>Identifier: %1</source>
        <translation>标识符：%1</translation>
    </message>
    <message>
        <source>Sequence: %1</source>
        <translation>序列：%1</translation>
    </message>
    <message>
        <source>ICMPv6 router message</source>
        <translation>ICMPv6 路由器消息</translation>
    </message>
    <message>
        <source> from %1</source>
        <translation> 来自 %1</translation>
    </message>
    <message>
        <source>ICMPv6 neighbor message</source>
        <translation>ICMPv6 邻居消息</translation>
    </message>
    <message>
        <source>Router</source>
        <translation>路由器</translation>
    </message>
    <message>
        <source>Solicited</source>
        <translation>请求的</translation>
    </message>
    <message>
        <source>Override</source>
        <translation>覆盖</translation>
    </message>
    <message>
        <source>Target Address: %1</source>
        <translation>目标地址：%1</translation>
    </message>
    <message>
        <source> for %1</source>
        <translation> 目标 %1</translation>
    </message>
    <message>
        <source> is at %1</source>
        <translation> 位于 %1</translation>
    </message>
    <message>
        <source>Message body (%1 bytes)</source>
        <translation>消息正文（%1 字节）</translation>
    </message>
</context>
<context>
    <name>pr::HelperClient</name>
    <message>
        <source>Recording did not start: the permission service (polkit) is not running, so there is no one to ask for a password. Ask your administrator to start polkit and the system D-Bus, or to let you record without a password.</source>
        <translation>录制未开始：权限服务（polkit）未运行，因此无法询问密码。请让管理员启动 polkit 和系统 D-Bus，或允许您无需密码即可录制。</translation>
    </message>
    <message>
        <source>Recording did not start: no password prompt could be shown, because no polkit authentication agent is running in this session. Log in to a desktop session that has one, or start one (such as lxpolkit or polkit-kde-agent-1), then click Record again.</source>
        <translation>录制未开始：无法显示密码提示，因为此会话中没有运行 polkit 身份验证代理。请登录一个带有该代理的桌面会话，或启动一个代理（例如 lxpolkit 或 polkit-kde-agent-1），然后再次点击“录制”。</translation>
    </message>
    <message>
        <source>Recording did not start: the password prompt was closed. Click Record again and enter the password to record.</source>
        <translation>录制未开始：密码提示已被关闭。请再次点击“录制”并输入密码以开始录制。</translation>
    </message>
    <message>
        <source>Recording did not start: the password was not accepted, or your account is not allowed to record. Try again, or ask your administrator for permission to record.</source>
        <translation>录制未开始：密码未被接受，或您的账户不允许录制。请重试，或向管理员申请录制权限。</translation>
    </message>
    <message>
        <source>Recording did not start: pkexec could not start the recording helper (exit code %1).</source>
        <extracomment>%1 is pkexec&apos;s exit code</extracomment>
        <translation>录制未开始：pkexec 无法启动录制辅助程序（退出码 %1）。</translation>
    </message>
    <message>
        <source>It reported: %1</source>
        <extracomment>Follows the sentence above; %1 is pkexec&apos;s last message (English)
----------
Follows the crash sentence; %1 is the helper&apos;s last log line (English)</extracomment>
        <translation>它报告：%1</translation>
    </message>
    <message>
        <source>Recording is restricted on this computer: your account may not run the recording helper %1. Ask your administrator for access, or reinstall Packet Recorder if recording used to work.</source>
        <extracomment>%1 is the path of the helper program</extracomment>
        <translation>此计算机限制了录制：您的账户不能运行录制辅助程序 %1。请向管理员申请访问权限；如果以前可以录制，请重新安装 Packet Recorder。</translation>
    </message>
    <message>
        <source>The recording helper is not installed: there is no %1. Reinstall Packet Recorder (the packet-recorder package) to restore it.</source>
        <extracomment>%1 is the path of the helper program</extracomment>
        <translation>录制辅助程序未安装：%1 不存在。请重新安装 Packet Recorder（packet-recorder 软件包）以恢复它。</translation>
    </message>
    <message>
        <source>The recording helper is not installed: %1 is not a program. Reinstall Packet Recorder (the packet-recorder package) to restore it.</source>
        <extracomment>%1 is the path of the helper program</extracomment>
        <translation>录制辅助程序未安装：%1 不是可执行程序。请重新安装 Packet Recorder（packet-recorder 软件包）以恢复它。</translation>
    </message>
    <message>
        <source>Recording needs pkexec to ask for your password, and it is not installed (there is no %1). Install the pkexec package, or ask your administrator to.</source>
        <extracomment>%1 is where pkexec was looked for, such as /usr/bin/pkexec</extracomment>
        <translation>录制需要 pkexec 来询问您的密码，但它未安装（%1 不存在）。请安装 pkexec 软件包，或请管理员安装。</translation>
    </message>
    <message>
        <source>Could not create a channel to the recording helper: %1.</source>
        <translation>无法创建到录制辅助程序的通道：%1。</translation>
    </message>
    <message>
        <source>The recording helper sent a message that could not be read; the recording was stopped.</source>
        <translation>录制辅助程序发送了无法读取的消息；录制已停止。</translation>
    </message>
    <message>
        <source>The recording helper (version %1) does not match this application; please reinstall it.</source>
        <extracomment>%1 is a version number like 0.1.0</extracomment>
        <translation>录制辅助程序（版本 %1）与本应用程序不匹配；请重新安装。</translation>
    </message>
    <message>
        <source>The recording helper crashed.</source>
        <translation>录制辅助程序崩溃了。</translation>
    </message>
    <message>
        <source>The recording helper exited unexpectedly (exit code %1).</source>
        <translation>录制辅助程序意外退出（退出码 %1）。</translation>
    </message>
    <message>
        <source>Could not start %1: %2.</source>
        <extracomment>%1 is a program path, %2 the system&apos;s reason</extracomment>
        <translation>无法启动 %1：%2。</translation>
    </message>
</context>
<context>
    <name>pr::InterfaceListModel</name>
    <message>
        <source>All interfaces (any)</source>
        <translation>所有接口（any）</translation>
    </message>
    <message>
        <source>Record from every interface at once</source>
        <translation>同时从所有接口录制</translation>
    </message>
    <message>
        <source>%1 (index %2)</source>
        <translation>%1（索引 %2）</translation>
    </message>
    <message>
        <source>Down</source>
        <translation>已停用</translation>
    </message>
    <message>
        <source>Up</source>
        <translation>已启用</translation>
    </message>
    <message>
        <source>No carrier</source>
        <translation>无载波</translation>
    </message>
    <message>
        <source>Now: %1
Peak in the last minute: %2</source>
        <translation>当前：%1
最近一分钟峰值：%2</translation>
    </message>
    <message>
        <source>Interface</source>
        <translation>接口</translation>
    </message>
    <message>
        <source>State</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>Addresses</source>
        <translation>地址</translation>
    </message>
    <message>
        <source>Traffic (last minute)</source>
        <extracomment>Column with a small graph of the last minute of traffic</extracomment>
        <translation>流量（最近一分钟）</translation>
    </message>
</context>
<context>
    <name>pr::InterfacePicker</name>
    <message>
        <source>Interfaces</source>
        <translation>接口</translation>
    </message>
    <message>
        <source>Network interfaces with their state, addresses and recent traffic</source>
        <translation>网络接口及其状态、地址和近期流量</translation>
    </message>
</context>
<context>
    <name>pr::LanguageSetting</name>
    <message>
        <source>System</source>
        <extracomment>Language setting: follow the desktop&apos;s language</extracomment>
        <translation>跟随系统</translation>
    </message>
</context>
<context>
    <name>pr::MainWindow</name>
    <message>
        <source>Packet Recorder</source>
        <translation>Packet Recorder</translation>
    </message>
    <message>
        <source>Interfaces</source>
        <extracomment>Tab title: the list of network interfaces</extracomment>
        <translation>接口</translation>
    </message>
    <message>
        <source>Capture options</source>
        <translation>捕获选项</translation>
    </message>
    <message>
        <source>Interfaces and options</source>
        <translation>接口和选项</translation>
    </message>
    <message>
        <source>Options</source>
        <extracomment>Tab title: capture filter, file format, output folder, auto-stop</extracomment>
        <translation>选项</translation>
    </message>
    <message>
        <source>Throughput chart</source>
        <translation>吞吐量图表</translation>
    </message>
    <message>
        <source>Packet list</source>
        <translation>分组列表</translation>
    </message>
    <message>
        <source>Packet details</source>
        <translation>分组详情</translation>
    </message>
    <message>
        <source>&amp;Record</source>
        <translation>录制(&amp;R)</translation>
    </message>
    <message>
        <source>&amp;Stop</source>
        <translation>停止(&amp;S)</translation>
    </message>
    <message>
        <source>Stop recording and finish the file</source>
        <translation>停止录制并完成文件</translation>
    </message>
    <message>
        <source>&amp;Options…</source>
        <translation>选项(&amp;O)…</translation>
    </message>
    <message>
        <source>Show the capture options</source>
        <translation>显示捕获选项</translation>
    </message>
    <message>
        <source>&amp;Open…</source>
        <translation>打开(&amp;O)…</translation>
    </message>
    <message>
        <source>Open a saved capture file</source>
        <translation>打开已保存的捕获文件</translation>
    </message>
    <message>
        <source>Save &amp;As…</source>
        <translation>另存为(&amp;A)…</translation>
    </message>
    <message>
        <source>Save the recording under another name or format</source>
        <translation>以其他名称或格式保存录制内容</translation>
    </message>
    <message>
        <source>Open in &amp;Wireshark</source>
        <translation>在 Wireshark 中打开(&amp;W)</translation>
    </message>
    <message>
        <source>Open the capture file in Wireshark</source>
        <translation>在 Wireshark 中打开捕获文件</translation>
    </message>
    <message>
        <source>Open Containing &amp;Folder</source>
        <translation>打开所在文件夹(&amp;F)</translation>
    </message>
    <message>
        <source>Show in Folder</source>
        <extracomment>Short toolbar label of File &gt; Open Containing Folder</extracomment>
        <translation>在文件夹中显示</translation>
    </message>
    <message>
        <source>Show the folder that holds the capture file</source>
        <translation>显示包含捕获文件的文件夹</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>退出(&amp;Q)</translation>
    </message>
    <message>
        <source>&amp;Auto-Scroll</source>
        <translation>自动滚动(&amp;A)</translation>
    </message>
    <message>
        <source>Keep the newest packet in view while recording</source>
        <translation>录制时保持最新的分组可见</translation>
    </message>
    <message>
        <source>Seconds Since &amp;Start</source>
        <extracomment>View &gt; Time Format: seconds since the first packet</extracomment>
        <translation>自开始以来的秒数(&amp;S)</translation>
    </message>
    <message>
        <source>&amp;Time of Day</source>
        <extracomment>View &gt; Time Format: wall-clock time of day</extracomment>
        <translation>当天时间(&amp;T)</translation>
    </message>
    <message>
        <source>&amp;About Packet Recorder</source>
        <translation>关于 Packet Recorder(&amp;A)</translation>
    </message>
    <message>
        <source>About Packet Recorder</source>
        <translation>关于 Packet Recorder</translation>
    </message>
    <message>
        <source>&lt;h3&gt;Packet Recorder %1&lt;/h3&gt;&lt;p&gt;Records network traffic to pcap and pcapng files that open in Wireshark, tcpdump and every other pcap tool.&lt;/p&gt;</source>
        <translation>&lt;h3&gt;Packet Recorder %1&lt;/h3&gt;&lt;p&gt;将网络流量录制为 pcap 和 pcapng 文件，可在 Wireshark、tcpdump 及其他所有 pcap 工具中打开。&lt;/p&gt;</translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation>文件(&amp;F)</translation>
    </message>
    <message>
        <source>Open &amp;Recent</source>
        <translation>最近打开(&amp;R)</translation>
    </message>
    <message>
        <source>Recent captures</source>
        <translation>最近的捕获</translation>
    </message>
    <message>
        <source>&amp;Capture</source>
        <translation>捕获(&amp;C)</translation>
    </message>
    <message>
        <source>&amp;View</source>
        <translation>视图(&amp;V)</translation>
    </message>
    <message>
        <source>Time &amp;Format</source>
        <translation>时间显示格式(&amp;F)</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>帮助(&amp;H)</translation>
    </message>
    <message>
        <source>About &amp;Qt</source>
        <translation>关于 Qt(&amp;Q)</translation>
    </message>
    <message>
        <source>Main Toolbar</source>
        <translation>主工具栏</translation>
    </message>
    <message>
        <source>Main toolbar</source>
        <translation>主工具栏</translation>
    </message>
    <message>
        <source>No packets yet.
Choose an interface and click Record (%1), or double-click the interface.</source>
        <translation>尚无分组。
请选择一个接口并点击“录制”（%1），或双击该接口。</translation>
    </message>
    <message>
        <source>Waiting for permission to record…
Answer the password prompt to start.</source>
        <translation>正在等待录制授权…
请在密码提示中作答以开始。</translation>
    </message>
    <message>
        <source>Starting the recording…</source>
        <translation>正在开始录制…</translation>
    </message>
    <message>
        <source>Waiting for packets…</source>
        <translation>正在等待分组…</translation>
    </message>
    <message>
        <source>Start recording on the selected interface</source>
        <translation>在所选接口上开始录制</translation>
    </message>
    <message>
        <source>You will be asked for your password</source>
        <translation>系统将要求您输入密码</translation>
    </message>
    <message>
        <source>A recording is running. Stop it and keep the file?</source>
        <translation>正在录制。要停止录制并保留文件吗？</translation>
    </message>
    <message>
        <source>Keep the recording before closing?</source>
        <translation>关闭前保留录制内容吗？</translation>
    </message>
    <message>
        <source>%1 cannot be replaced.</source>
        <translation>无法替换 %1。</translation>
    </message>
    <message>
        <source>%1 cannot be written.</source>
        <translation>无法写入 %1。</translation>
    </message>
    <message>
        <source>&amp;Keep File</source>
        <extracomment>Button: keep the recorded file where it is</extracomment>
        <translation>保留文件(&amp;K)</translation>
    </message>
    <message>
        <source>&amp;Delete File</source>
        <extracomment>Button: delete the recorded file</extracomment>
        <translation>删除文件(&amp;D)</translation>
    </message>
    <message>
        <source>The recording is in %1.</source>
        <translation>录制文件位于 %1。</translation>
    </message>
    <message>
        <source>Recording deleted</source>
        <translation>录制已删除</translation>
    </message>
    <message numerus="yes">
        <source>Recorded %Ln packet(s) to %1.</source>
        <extracomment>After a recording; %1 is a file path</extracomment>
        <translation>
            <numerusform>已录制 %Ln 个分组到 %1。</numerusform>
        </translation>
    </message>
    <message>
        <source>Open in Wireshark</source>
        <translation>在 Wireshark 中打开</translation>
    </message>
    <message>
        <source>Show in folder</source>
        <translation>在文件夹中显示</translation>
    </message>
    <message>
        <source>Save As…</source>
        <translation>另存为…</translation>
    </message>
    <message>
        <source>Save as</source>
        <translation>另存为</translation>
    </message>
    <message>
        <source>pcap, nanosecond timestamps (*.pcap)</source>
        <translation>pcap，纳秒时间戳 (*.pcap)</translation>
    </message>
    <message>
        <source>pcap, microsecond timestamps, for older tools (*.pcap)</source>
        <translation>pcap，微秒时间戳，适用于旧工具 (*.pcap)</translation>
    </message>
    <message>
        <source>pcapng (*.pcapng)</source>
        <translation>pcapng (*.pcapng)</translation>
    </message>
    <message>
        <source>Save Capture As</source>
        <translation>捕获另存为</translation>
    </message>
    <message>
        <source>The capture could not be saved. %1</source>
        <translation>无法保存捕获。%1</translation>
    </message>
    <message>
        <source>Saved to %1.</source>
        <translation>已保存到 %1。</translation>
    </message>
    <message>
        <source>There is no finished capture to save.</source>
        <translation>没有可保存的已完成捕获。</translation>
    </message>
    <message>
        <source>Capture files (*.pcap *.pcapng *.cap *.dmp *.ntar)</source>
        <extracomment>File &gt; Open filter; keep the patterns in parentheses as they are</extracomment>
        <translation>捕获文件 (*.pcap *.pcapng *.cap *.dmp *.ntar)</translation>
    </message>
    <message>
        <source>pcap (*.pcap *.cap *.dmp)</source>
        <extracomment>File &gt; Open filter; keep the patterns in parentheses as they are</extracomment>
        <translation>pcap (*.pcap *.cap *.dmp)</translation>
    </message>
    <message>
        <source>pcapng (*.pcapng *.ntar)</source>
        <extracomment>File &gt; Open filter; keep the patterns in parentheses as they are</extracomment>
        <translation>pcapng (*.pcapng *.ntar)</translation>
    </message>
    <message>
        <source>All files (*)</source>
        <extracomment>File &gt; Open filter; keep the pattern in parentheses as it is</extracomment>
        <translation>所有文件 (*)</translation>
    </message>
    <message>
        <source>Open Capture File</source>
        <translation>打开捕获文件</translation>
    </message>
    <message>
        <source>Keep the recording before opening another file?</source>
        <translation>打开其他文件前保留录制内容吗？</translation>
    </message>
    <message>
        <source>%1 cannot be opened. %2</source>
        <translation>无法打开 %1。%2</translation>
    </message>
    <message>
        <source>Wireshark is not installed. The capture file is %1.</source>
        <translation>未安装 Wireshark。捕获文件为 %1。</translation>
    </message>
    <message>
        <source>Wireshark could not be started. The capture file is %1.</source>
        <translation>无法启动 Wireshark。捕获文件为 %1。</translation>
    </message>
    <message>
        <source>No file manager could be started. The capture file is %1.</source>
        <translation>无法启动文件管理器。捕获文件为 %1。</translation>
    </message>
    <message>
        <source>There is no interface named %1.</source>
        <translation>没有名为 %1 的接口。</translation>
    </message>
    <message>
        <source>Packet Recorder has no permission to capture on this computer.</source>
        <translation>Packet Recorder 无权在此计算机上捕获。</translation>
    </message>
    <message>
        <source>The interface %1 is gone.</source>
        <translation>接口 %1 已不存在。</translation>
    </message>
    <message>
        <source>The interface %1 is down.</source>
        <translation>接口 %1 已关闭。</translation>
    </message>
    <message>
        <source>Packet Recorder cannot record on %1: its link type is not supported.</source>
        <translation>Packet Recorder 无法在 %1 上录制：不支持其链路类型。</translation>
    </message>
    <message>
        <source>The capture filter is not valid.</source>
        <translation>捕获过滤器无效。</translation>
    </message>
    <message>
        <source>The capture file cannot be written. Is the disk full, or the output folder read-only?</source>
        <translation>无法写入捕获文件。磁盘是否已满，或输出文件夹是否只读？</translation>
    </message>
    <message>
        <source>The capture helper stopped unexpectedly.</source>
        <translation>捕获辅助程序意外停止。</translation>
    </message>
    <message>
        <source>The capture helper belongs to another version of Packet Recorder. Reinstall the application.</source>
        <translation>捕获辅助程序属于其他版本的 Packet Recorder。请重新安装本应用程序。</translation>
    </message>
    <message>
        <source>A capture option is out of range.</source>
        <translation>某个捕获选项超出范围。</translation>
    </message>
    <message>
        <source>The ring buffer is larger than this user may reserve.</source>
        <extracomment>The helper&apos;s message follows with the limit in MiB.</extracomment>
        <translation>环形缓冲区超过了此用户可预留的大小。</translation>
    </message>
    <message>
        <source>You already run as many recordings at once as one user may.</source>
        <extracomment>The helper&apos;s message follows with the number of recordings allowed.</extracomment>
        <translation>您同时运行的录制数已达到单个用户的上限。</translation>
    </message>
    <message>
        <source>The capture file already exists and was not replaced.</source>
        <translation>捕获文件已存在，未被替换。</translation>
    </message>
    <message>
        <source>Recording failed.</source>
        <translation>录制失败。</translation>
    </message>
    <message>
        <source>Choose an interface to record on.</source>
        <translation>请选择要录制的接口。</translation>
    </message>
    <message>
        <source>Keep the previous recording?</source>
        <translation>保留上一次的录制内容吗？</translation>
    </message>
    <message>
        <source>The output folder %1 cannot be created.</source>
        <translation>无法创建输出文件夹 %1。</translation>
    </message>
    <message>
        <source>Ready</source>
        <translation>就绪</translation>
    </message>
    <message numerus="yes">
        <source>The disk of %1 is full, so the recording stopped. %Ln packet(s) were recorded to %2 and %3 were lost. The file is complete up to the last recorded packet.</source>
        <extracomment>The recording stopped on a full disk. %1 is the output folder, %2 the file, %3 the number of packets that did not fit. The file is complete and usable.</extracomment>
        <translation>
            <numerusform>%1 所在的磁盘已满，录制已停止。已录制 %Ln 个分组到 %2，丢失 %3 个。文件在最后一个已录制的分组之前都是完整的。</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Only %2 is free in %1: at a busy 100 Mbit/s that lasts %Ln minute(s). The recording stops when the disk is full.</source>
        <extracomment>Before a recording. %1 is the output folder, %2 its free space (e.g. &quot;300 MB&quot;). The rate assumed is that of a busy 100 Mbit/s link.</extracomment>
        <translation>
            <numerusform>%1 中仅剩 %2 可用空间：按繁忙时的 100 Mbit/s 计算，只够录制 %Ln 分钟。磁盘写满时录制将停止。</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Only %2 is free in %1: at the current rate the disk is full in %Ln minute(s), and the recording stops then.</source>
        <extracomment>While recording. %1 is the output folder, %2 its free space (e.g. &quot;300 MB&quot;).</extracomment>
        <translation>
            <numerusform>%1 中仅剩 %2 可用空间：按当前速率，磁盘将在 %Ln 分钟后写满，届时录制将停止。</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Recorded %Ln packet(s) to a set of files; the newest is %1.</source>
        <extracomment>After a recording split into a set of files; %1 is the path of the newest</extracomment>
        <translation>
            <numerusform>已录制 %Ln 个分组到文件集；最新的文件是 %1。</numerusform>
        </translation>
    </message>
    <message>
        <source>The recording is split into numbered files: %1, %2, … in %3.</source>
        <extracomment>%1 and %2 are the first two file names of a split recording (number and start time), %3 the folder</extracomment>
        <translation>录制将拆分为编号文件：%1、%2、…，位于 %3。</translation>
    </message>
    <message>
        <source>There are no interfaces named %1.</source>
        <translation>没有名为 %1 的接口。</translation>
    </message>
    <message>
        <source>One of the interfaces %1 is gone.</source>
        <extracomment>%1 lists the interfaces (&quot;eth0 and eth1&quot;); the helper&apos;s sentence follows</extracomment>
        <translation>接口 %1 中有一个已不存在。</translation>
    </message>
    <message>
        <source>The interfaces %1 all went down or were removed; the file keeps their packets until then.</source>
        <translation>接口 %1 均已停用或被移除；文件保留了此前记录的数据包。</translation>
    </message>
    <message numerus="yes">
        <source>A pcap file holds one interface: choose pcapng in Options to record %n interfaces into one file, or select only one.</source>
        <translation>
            <numerusform>pcap 文件只能包含一个接口：请在“选项”中选择 pcapng，将这 %n 个接口记录到同一个文件中，或只选择一个接口。</numerusform>
        </translation>
    </message>
    <message>
        <source>Recording of %1 ended: the interface went down or was removed; the others go on.</source>
        <translation>%1 的记录已结束：该接口已停用或被移除；其他接口继续记录。</translation>
    </message>
    <message>
        <source>Interface: %1</source>
        <translation>接口：%1</translation>
    </message>
    <message>
        <source>&amp;Go to Packet…</source>
        <translation>转到分组(&amp;G)…</translation>
    </message>
    <message>
        <source>Show the packet with a given number</source>
        <translation>显示指定编号的分组</translation>
    </message>
    <message>
        <source>Go to Packet</source>
        <translation>转到分组</translation>
    </message>
    <message>
        <source>Packet number (%1 to %2):</source>
        <extracomment>%1 and %2 are the first and last packet numbers in the list</extracomment>
        <translation>分组编号（%1 至 %2）：</translation>
    </message>
    <message>
        <source>There is no packet %1 in the list: it holds packets %2 to %3.</source>
        <translation>列表中没有分组 %1：列表包含分组 %2 至 %3。</translation>
    </message>
    <message numerus="yes">
        <source>%1 could not be read to its end. %2 The list shows the %Ln packet(s) before that point.</source>
        <extracomment>%1 is a file path, %2 what is wrong with it; %Ln the packets the list shows</extracomment>
        <translation>
            <numerusform>%1 无法读到末尾。%2 列表显示该位置之前的 %Ln 个分组。</numerusform>
        </translation>
    </message>
    <message>
        <source>File: %1, packet %2</source>
        <translation>文件：%1，分组 %2</translation>
    </message>
    <message>
        <source>Programs</source>
        <extracomment>Tab title: traffic per program (which program sent each packet)</extracomment>
        <translation>程序</translation>
    </message>
    <message>
        <source>Throughput and programs</source>
        <translation>吞吐量和程序</translation>
    </message>
    <message>
        <source>Throughput</source>
        <extracomment>Tab title: the live chart of bits and packets per second</extracomment>
        <translation>吞吐量</translation>
    </message>
    <message>
        <source>Show &amp;All Packets</source>
        <translation>显示所有分组(&amp;A)</translation>
    </message>
    <message>
        <source>Show every packet again, not one program&apos;s</source>
        <translation>重新显示所有分组，而不只是某个程序的分组</translation>
    </message>
    <message>
        <source>Add Re&amp;mote Machine…</source>
        <translation>添加远程机器(&amp;M)…</translation>
    </message>
    <message>
        <source>Record the interfaces of another machine over ssh</source>
        <translation>通过 ssh 录制另一台机器的接口</translation>
    </message>
</context>
<context>
    <name>pr::MessageBar</name>
    <message>
        <source>Message bar</source>
        <translation>消息栏</translation>
    </message>
    <message>
        <source>Message icon</source>
        <translation>消息图标</translation>
    </message>
    <message>
        <source>Message</source>
        <translation>消息</translation>
    </message>
    <message>
        <source>Close this message</source>
        <translation>关闭此消息</translation>
    </message>
    <message>
        <source>Close message</source>
        <translation>关闭消息</translation>
    </message>
</context>
<context>
    <name>pr::PacketDetailView</name>
    <message numerus="yes">
        <source>%Ln byte(s)</source>
        <translation>
            <numerusform>%Ln 字节</numerusform>
        </translation>
    </message>
    <message>
        <source>Bytes %1–%2 (%3)</source>
        <translation>字节 %1–%2（%3）</translation>
    </message>
    <message>
        <source>Packet layers</source>
        <translation>分组层次</translation>
    </message>
    <message>
        <source>Packet bytes</source>
        <translation>分组字节流</translation>
    </message>
    <message>
        <source>Select a packet to see its layers and bytes.</source>
        <translation>选择一个分组以查看其各层和字节。</translation>
    </message>
    <message>
        <source>Frame %1: </source>
        <translation>帧 %1：</translation>
    </message>
    <message>
        <source>Frame: </source>
        <translation>帧：</translation>
    </message>
    <message>
        <source>%1 on wire, %2 captured</source>
        <translation>线路上 %1，已捕获 %2</translation>
    </message>
    <message>
        <source>(first %1 shown)</source>
        <translation>（显示前 %1）</translation>
    </message>
    <message>
        <source>Arrival Time: %1.%2</source>
        <translation>到达时间：%1.%2</translation>
    </message>
    <message>
        <source>Epoch Time: %1.%2 seconds</source>
        <translation>纪元时间：%1.%2 秒</translation>
    </message>
    <message>
        <source>Direction: In (received by this host)</source>
        <translation>方向：入（由本机接收）</translation>
    </message>
    <message>
        <source>Direction: Out (sent by this host)</source>
        <translation>方向：出（由本机发送）</translation>
    </message>
    <message>
        <source>Direction: Other (between other hosts)</source>
        <translation>方向：其他（其他主机之间）</translation>
    </message>
    <message>
        <source>Interface index: %1</source>
        <translation>接口索引：%1</translation>
    </message>
    <message>
        <source>Frame Length: %1</source>
        <translation>帧长度：%1</translation>
    </message>
    <message>
        <source>Capture Length: %1</source>
        <translation>捕获长度：%1</translation>
    </message>
    <message>
        <source>Ethernet</source>
        <translation>以太网</translation>
    </message>
    <message>
        <source>Raw IP</source>
        <translation>原始 IP</translation>
    </message>
    <message>
        <source>Linux cooked capture v2</source>
        <translation>Linux cooked capture v2</translation>
    </message>
    <message>
        <source>Unknown</source>
        <translation>未知</translation>
    </message>
    <message>
        <source>Link type: %1 (%2)</source>
        <translation>链路类型：%1（%2）</translation>
    </message>
    <message>
        <source>Packet comments</source>
        <extracomment>Detail tree: the node holding a packet&apos;s pcapng comments, as in Wireshark</extracomment>
        <translation>分组注释</translation>
    </message>
</context>
<context>
    <name>pr::PacketListModel</name>
    <message>
        <source>In</source>
        <extracomment>Packet direction column: received by this host</extracomment>
        <translation>入</translation>
    </message>
    <message>
        <source>Out</source>
        <extracomment>Packet direction column: sent by this host</extracomment>
        <translation>出</translation>
    </message>
    <message>
        <source>Other</source>
        <extracomment>Packet direction column: between other hosts (promiscuous mode)</extracomment>
        <translation>其他</translation>
    </message>
    <message>
        <source>Received by this host</source>
        <translation>由本机接收</translation>
    </message>
    <message>
        <source>Sent by this host</source>
        <translation>由本机发送</translation>
    </message>
    <message>
        <source>Between other hosts, seen in promiscuous mode</source>
        <translation>其他主机之间，在混杂模式下可见</translation>
    </message>
    <message>
        <source>%1 on the wire, %2 captured</source>
        <extracomment>Tooltip of a truncated packet&apos;s length; %1 and %2 are byte counts</extracomment>
        <translation>线路上 %1，已捕获 %2</translation>
    </message>
    <message numerus="yes">
        <source>%Ln byte(s)</source>
        <translation>
            <numerusform>%Ln 字节</numerusform>
        </translation>
    </message>
    <message>
        <source>No.</source>
        <extracomment>Column header: packet number</extracomment>
        <translation>序号</translation>
    </message>
    <message>
        <source>Time</source>
        <translation>时间</translation>
    </message>
    <message>
        <source>Dir.</source>
        <extracomment>Column header: In/Out/Other</extracomment>
        <translation>方向</translation>
    </message>
    <message>
        <source>Source</source>
        <translation>源地址</translation>
    </message>
    <message>
        <source>Destination</source>
        <translation>目的地址</translation>
    </message>
    <message>
        <source>Protocol</source>
        <translation>协议</translation>
    </message>
    <message>
        <source>Length</source>
        <translation>长度</translation>
    </message>
    <message>
        <source>Info</source>
        <translation>信息</translation>
    </message>
    <message>
        <source>Seconds since the first packet</source>
        <translation>自第一个分组以来的秒数</translation>
    </message>
    <message>
        <source>Local time the packet was captured</source>
        <translation>捕获该分组时的本地时间</translation>
    </message>
    <message>
        <source>Bytes on the wire</source>
        <translation>线路上的字节数</translation>
    </message>
    <message>
        <source>?</source>
        <extracomment>Packet direction column: the file does not record the direction</extracomment>
        <translation>?</translation>
    </message>
    <message>
        <source>Recorded; the list reads it from the file in a moment</source>
        <translation>已录制；列表稍后会从文件中读取</translation>
    </message>
    <message>
        <source>The file does not record whether this packet was sent or received</source>
        <translation>文件未记录此分组是发送还是接收的</translation>
    </message>
    <message numerus="yes">
        <source>Packet number since the start of the recording. The files of the oldest %Ln packet(s) were deleted to keep the newest files only.</source>
        <translation>
            <numerusform>自录制开始以来的分组编号。最早 %Ln 个分组所在的文件已被删除，只保留最新的文件。</numerusform>
        </translation>
    </message>
    <message>
        <source>Packet number in the file, as Wireshark numbers it</source>
        <translation>文件中的分组编号，与 Wireshark 的编号一致</translation>
    </message>
    <message>
        <source>Direction relative to this host: In, Out, or Other (between other hosts); ? where the file does not record it</source>
        <translation>相对于本机的方向：入、出或其他（其他主机之间）；文件未记录时为 ?</translation>
    </message>
    <message>
        <source>Program</source>
        <extracomment>Column header: the program that sent or received the packet</extracomment>
        <translation>程序</translation>
    </message>
    <message>
        <source>The program on this computer that sent or received the packet, from the recording or the file&apos;s packet comments; sender → receiver when both are here</source>
        <translation>本机上发送或接收该分组的程序，来自录制或文件中的分组注释；两端都在本机时显示为“发送方 → 接收方”</translation>
    </message>
    <message>
        <source>A pcap file stores no programs: only the packets the recorder reported while the filter was on are shown. Record to pcapng to filter every packet.</source>
        <translation>pcap 文件不保存程序：仅显示过滤器开启期间录制辅助程序报告的分组。录制为 pcapng 才能过滤每个分组。</translation>
    </message>
    <message>
        <source>This file is pcap, which stores no programs: no packet can be shown for a program.</source>
        <translation>此文件为 pcap 格式，不保存程序：无法按程序显示分组。</translation>
    </message>
    <message>
        <source>Interface</source>
        <extracomment>Column header: the interface a packet was recorded on</extracomment>
        <translation>接口</translation>
    </message>
    <message>
        <source>The interface the packet was recorded on, as the file names it; machine:interface for another machine&apos;s</source>
        <translation>录制该分组的接口，采用文件中的名称；其他机器的接口写作“机器:接口”</translation>
    </message>
</context>
<context>
    <name>pr::PacketListView</name>
    <message>
        <source>Other</source>
        <translation>其他</translation>
    </message>
    <message>
        <source>Length</source>
        <translation>长度</translation>
    </message>
    <message>
        <source>Packet list position</source>
        <translation>分组列表位置</translation>
    </message>
</context>
<context>
    <name>pr::PacketPrograms</name>
    <message>
        <source>user %1</source>
        <extracomment>Program column: only the account owning the socket is known; %1 is its name</extracomment>
        <translation>用户 %1</translation>
    </message>
    <message>
        <source>A program of user %1 (another user&apos;s, or one that has ended)</source>
        <extracomment>Program column tool tip; %1 is an account name such as root</extracomment>
        <translation>用户 %1 的程序（其他用户的程序，或已结束的程序）</translation>
    </message>
    <message>
        <source>%1, process %2, user %3</source>
        <extracomment>Program column tool tip; %1 process name, %2 process id, %3 account name</extracomment>
        <translation>%1，进程 %2，用户 %3</translation>
    </message>
    <message>
        <source>%1 → %2</source>
        <extracomment>Program column when both ends are programs of this machine: sender → receiver</extracomment>
        <translation>%1 → %2</translation>
    </message>
    <message>
        <source>From: %1
To: %2</source>
        <extracomment>Program column tool tip when both ends are programs of this machine</extracomment>
        <translation>发送方：%1
接收方：%2</translation>
    </message>
</context>
<context>
    <name>pr::ProgramListModel</name>
    <message>
        <source>PID %1</source>
        <translation>PID %1</translation>
    </message>
    <message>
        <source>Other user</source>
        <extracomment>Programs view: traffic of another user&apos;s programs, which this user may not look into (the User column names the account)</extracomment>
        <translation>其他用户</translation>
    </message>
    <message>
        <source>Not attributed</source>
        <extracomment>Programs view: TCP/UDP traffic no socket owner was found for</extracomment>
        <translation>未归属</translation>
    </message>
    <message>
        <source>Not TCP/UDP</source>
        <extracomment>Programs view: traffic that is neither TCP nor UDP (ARP, ICMP, ...), which belongs to no program&apos;s socket</extracomment>
        <translation>非 TCP/UDP</translation>
    </message>
    <message>
        <source>%1 (PID %2, user %3)
%4</source>
        <extracomment>Programs view tool tip. %1 program name, %2 process id, %3 account, %4 the command line it was started with</extracomment>
        <translation>%1（PID %2，用户 %3）
%4</translation>
    </message>
    <message>
        <source>TCP and UDP packets whose socket was not found: a connection that closed before it could be looked up, or traffic passing through.</source>
        <translation>未找到其套接字的 TCP 和 UDP 分组：查询之前就已关闭的连接，或经过本机转发的流量。</translation>
    </message>
    <message>
        <source>Packets that are neither TCP nor UDP (ARP, ICMP, ...): no program&apos;s socket sends them.</source>
        <translation>既不是 TCP 也不是 UDP 的分组（ARP、ICMP 等）：它们不由任何程序的套接字发送。</translation>
    </message>
    <message>
        <source>Program</source>
        <extracomment>Programs view column: the program&apos;s name</extracomment>
        <translation>程序</translation>
    </message>
    <message>
        <source>User</source>
        <extracomment>Programs view column: the account the program runs as</extracomment>
        <translation>用户</translation>
    </message>
    <message>
        <source>Bytes In</source>
        <extracomment>Programs view column: bytes received by the program</extracomment>
        <translation>入字节</translation>
    </message>
    <message>
        <source>Bytes Out</source>
        <extracomment>Programs view column: bytes sent by the program</extracomment>
        <translation>出字节</translation>
    </message>
    <message>
        <source>Packets In</source>
        <translation>入分组</translation>
    </message>
    <message>
        <source>Packets Out</source>
        <translation>出分组</translation>
    </message>
    <message>
        <source>Rate</source>
        <extracomment>Programs view column: current rate, in and out together, with a graph</extracomment>
        <translation>速率</translation>
    </message>
    <message>
        <source>Connections</source>
        <extracomment>Programs view column: TCP connections and UDP flows so far</extracomment>
        <translation>连接</translation>
    </message>
    <message>
        <source>Programs of user %1 (UID %2). Only that user can see which ones.</source>
        <translation>用户 %1（UID %2）的程序。具体是哪些程序，只有该用户能看到。</translation>
    </message>
    <message>
        <source>Unknown program</source>
        <extracomment>Programs view: the user&apos;s own programs whose process could not be named (it ended first, or its /proc entry was not readable)</extracomment>
        <translation>未知程序</translation>
    </message>
    <message>
        <source>Your programs whose process could not be named: it ended before it was looked up, or its /proc entry could not be read.</source>
        <translation>无法确定进程名称的您的程序：它在查询之前就已结束，或无法读取其 /proc 条目。</translation>
    </message>
</context>
<context>
    <name>pr::ProgramsView</name>
    <message>
        <source>Programs</source>
        <translation>程序</translation>
    </message>
    <message>
        <source>Programs appear here while recording, with “Show which program sent each packet” on in the Options.</source>
        <translation>开启选项中的“显示每个分组由哪个程序发送”后，录制时程序会显示在这里。</translation>
    </message>
</context>
<context>
    <name>pr::RateFormat</name>
    <message>
        <source>bit/s</source>
        <translation>bit/s</translation>
    </message>
    <message>
        <source>kbit/s</source>
        <translation>kbit/s</translation>
    </message>
    <message>
        <source>Mbit/s</source>
        <translation>Mbit/s</translation>
    </message>
    <message>
        <source>Gbit/s</source>
        <translation>Gbit/s</translation>
    </message>
    <message>
        <source>Tbit/s</source>
        <translation>Tbit/s</translation>
    </message>
    <message>
        <source>packets/s</source>
        <translation>分组/秒</translation>
    </message>
    <message>
        <source>kpackets/s</source>
        <translation>千分组/秒</translation>
    </message>
    <message>
        <source>Mpackets/s</source>
        <translation>百万分组/秒</translation>
    </message>
    <message>
        <source>B</source>
        <translation>B</translation>
    </message>
    <message>
        <source>KiB</source>
        <translation>KiB</translation>
    </message>
    <message>
        <source>MiB</source>
        <translation>MiB</translation>
    </message>
    <message>
        <source>GiB</source>
        <translation>GiB</translation>
    </message>
    <message>
        <source>TiB</source>
        <translation>TiB</translation>
    </message>
</context>
<context>
    <name>pr::RecentFiles</name>
    <message>
        <source>No recent captures</source>
        <translation>没有最近的捕获</translation>
    </message>
    <message>
        <source>Clear Menu</source>
        <translation>清除菜单</translation>
    </message>
</context>
<context>
    <name>pr::RemoteMachineListModel</name>
    <message>
        <source>Packet Recorder there: %1 %2</source>
        <translation>该机器上的 Packet Recorder：%1 %2</translation>
    </message>
    <message>
        <source>The ssh channel is compressed (ssh -C).</source>
        <translation>ssh 通道已压缩（ssh -C）。</translation>
    </message>
    <message>
        <source>From the command line: not remembered.</source>
        <translation>来自命令行：不会被记住。</translation>
    </message>
    <message>
        <source>Connecting…</source>
        <extracomment>A remote machine whose ssh session has not answered yet</extracomment>
        <translation>正在连接…</translation>
    </message>
    <message>
        <source>Connected</source>
        <extracomment>A remote machine that answered and can record</extracomment>
        <translation>已连接</translation>
    </message>
    <message>
        <source>Cannot record</source>
        <translation>无法录制</translation>
    </message>
    <message>
        <source>Unreachable</source>
        <extracomment>A remote machine that ssh could not reach, or lost</extracomment>
        <translation>无法访问</translation>
    </message>
    <message>
        <source>Records there with %1</source>
        <extracomment>%1: &quot;Packet Recorder&quot;, &quot;Packet Recorder (sudo)&quot;, &quot;tcpdump&quot; or &quot;tcpdump (sudo)&quot;</extracomment>
        <translation>在该机器上使用 %1 录制</translation>
    </message>
    <message>
        <source>loopback</source>
        <extracomment>The remote interface is the machine&apos;s loopback (lo)</extracomment>
        <translation>环回</translation>
    </message>
    <message>
        <source>Machine</source>
        <extracomment>Column of the remote machines&apos; list: a machine, and its interfaces under it</extracomment>
        <translation>机器</translation>
    </message>
    <message>
        <source>Records with</source>
        <extracomment>Column: how a remote machine records (&quot;tcpdump (sudo)&quot;), or why it cannot</extracomment>
        <translation>录制方式</translation>
    </message>
    <message>
        <source>Keeps %1 bytes of each packet there.</source>
        <translation>在该机器上保留每个分组的 %1 字节。</translation>
    </message>
</context>
<context>
    <name>pr::RemoteMachinesView</name>
    <message>
        <source>Other machines (over SSH)</source>
        <extracomment>Heading of the picker&apos;s section of remote machines</extracomment>
        <translation>其他机器（通过 SSH）</translation>
    </message>
    <message>
        <source>Add Remote Machine…</source>
        <translation>添加远程机器…</translation>
    </message>
    <message>
        <source>Record the interfaces of another machine over ssh</source>
        <translation>通过 ssh 录制另一台机器的接口</translation>
    </message>
    <message>
        <source>Record on servers, routers and lab machines through your own ssh: add one by user@host or by a Host alias of ~/.ssh/config.</source>
        <translation>通过您自己的 ssh 在服务器、路由器和实验机器上录制：按 user@host 或 ~/.ssh/config 中的 Host 别名添加一台。</translation>
    </message>
    <message>
        <source>Other machines</source>
        <translation>其他机器</translation>
    </message>
    <message>
        <source>Machines recorded over ssh, with their interfaces and recent traffic</source>
        <translation>通过 ssh 录制的机器，及其接口和最近的流量</translation>
    </message>
    <message>
        <source>Remove Machine</source>
        <translation>移除机器</translation>
    </message>
    <message>
        <source>Connect Again</source>
        <translation>重新连接</translation>
    </message>
    <message>
        <source>Compress the Channel (ssh -C)</source>
        <translation>压缩通道（ssh -C）</translation>
    </message>
</context>
<context>
    <name>pr::RemoteRecordingOptionsGroup</name>
    <message>
        <source>Other machines (over SSH)</source>
        <extracomment>Options group: recording interfaces of remote machines over ssh</extracomment>
        <translation>其他机器（通过 SSH）</translation>
    </message>
    <message>
        <source>Leave out my own ss&amp;h session</source>
        <translation>不录制我自己的 ssh 会话(&amp;H)</translation>
    </message>
    <message>
        <source>Leave out my own ssh session</source>
        <translation>不录制我自己的 ssh 会话</translation>
    </message>
    <message>
        <source>The connection that carries the recording is not recorded: without this, every packet sent to this desktop makes more packets to record. Other ssh sessions stay in.</source>
        <translation>不录制承载本次录制的连接：否则发往本桌面的每个分组都会产生更多需要录制的分组。其他 ssh 会话仍会被录制。</translation>
    </message>
    <message>
        <source>Order several machines by &amp;corrected clock</source>
        <translation>按校正后的时钟排列多台机器(&amp;C)</translation>
    </message>
    <message>
        <source>Order several machines by corrected clock</source>
        <translation>按校正后的时钟排列多台机器</translation>
    </message>
    <message>
        <source>Each machine&apos;s clock offset to this desktop is measured over ssh. On: packets of several machines are merged by their corrected times. The timestamps in the file stay as each machine recorded them; the offsets are written beside them.</source>
        <translation>通过 ssh 测量每台机器相对本桌面的时钟偏差。开启时：多台机器的分组按校正后的时间合并。文件中的时间戳保持各机器录制时的原样；偏差写在旁边。</translation>
    </message>
</context>
<context>
    <name>pr::ThroughputChart</name>
    <message>
        <source>&amp;Show the last:</source>
        <translation>显示最近(&amp;S)：</translation>
    </message>
    <message>
        <source>Chart time window</source>
        <translation>图表时间窗口</translation>
    </message>
    <message numerus="yes">
        <source>%Ln second(s)</source>
        <extracomment>Chart time window</extracomment>
        <translation>
            <numerusform>%Ln 秒</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln minute(s)</source>
        <extracomment>Chart time window</extracomment>
        <translation>
            <numerusform>%Ln 分钟</numerusform>
        </translation>
    </message>
    <message>
        <source>Throughput in bits per second</source>
        <translation>吞吐量（比特/秒）</translation>
    </message>
    <message>
        <source>Packet rate in packets per second</source>
        <translation>分组速率（分组/秒）</translation>
    </message>
    <message>
        <source>Incoming</source>
        <translation>传入</translation>
    </message>
    <message>
        <source>Outgoing</source>
        <translation>传出</translation>
    </message>
    <message>
        <source>Kernel drops</source>
        <translation>内核丢弃</translation>
    </message>
    <message>
        <source>Elapsed time (s)</source>
        <translation>已用时间（秒）</translation>
    </message>
    <message>
        <source>%1 s: %2 incoming</source>
        <translation>%1 秒：传入 %2</translation>
    </message>
    <message>
        <source>%1 s: %2 outgoing</source>
        <translation>%1 秒：传出 %2</translation>
    </message>
    <message>
        <source>The whole capture</source>
        <extracomment>Above the throughput chart of an opened file, instead of the time window</extracomment>
        <translation>整个捕获</translation>
    </message>
    <message>
        <source>Total (direction not recorded)</source>
        <extracomment>Legend of the throughput chart of a file that does not record whether a packet was incoming or outgoing (a pcap file of Ethernet frames)</extracomment>
        <translation>总计（未记录方向）</translation>
    </message>
    <message>
        <source>%1 s: %2 in total, direction not recorded</source>
        <extracomment>%1 a time, %2 a rate; the file does not say which packets were incoming</extracomment>
        <translation>%1 秒：总计 %2，未记录方向</translation>
    </message>
    <message>
        <source>Elapsed time (h)</source>
        <extracomment>Time axis of the throughput chart of a long file, in hours</extracomment>
        <translation>已用时间（小时）</translation>
    </message>
    <message>
        <source>Elapsed time (min)</source>
        <extracomment>Time axis of the throughput chart of a file, in minutes</extracomment>
        <translation>已用时间（分钟）</translation>
    </message>
</context>
<context>
    <name>pr::remote::RemoteMachine</name>
    <message>
        <source>not asked yet</source>
        <translation>尚未询问</translation>
    </message>
    <message>
        <source>Packet Recorder</source>
        <translation>Packet Recorder</translation>
    </message>
    <message>
        <source>Packet Recorder (sudo)</source>
        <translation>Packet Recorder（sudo）</translation>
    </message>
    <message>
        <source>tcpdump</source>
        <translation>tcpdump</translation>
    </message>
    <message>
        <source>tcpdump (sudo)</source>
        <translation>tcpdump（sudo）</translation>
    </message>
    <message>
        <source>cannot record</source>
        <translation>无法录制</translation>
    </message>
    <message>
        <source>Packet Recorder (polkit)</source>
        <translation>Packet Recorder（polkit）</translation>
    </message>
    <message>
        <source>%1 has Packet Recorder (%2) but this user may not capture with it: add the user to the group &quot;packet-recorder&quot; there (the package&apos;s group mode), or allow it with sudo without a password (a sudoers rule for %2)</source>
        <translation>%1 已安装 Packet Recorder（%2），但此用户无权用它捕获：请在该机器上把用户加入“packet-recorder”组（软件包的组模式），或允许无需密码通过 sudo 运行它（为 %2 添加 sudoers 规则）</translation>
    </message>
    <message>
        <source>%1 has tcpdump (%2) but this user may not capture with it: install Packet Recorder there and add the user to the group &quot;packet-recorder&quot;, or allow tcpdump with sudo without a password</source>
        <translation>%1 已安装 tcpdump（%2），但此用户无权用它捕获：请在该机器上安装 Packet Recorder 并把用户加入“packet-recorder”组，或允许无需密码通过 sudo 运行 tcpdump</translation>
    </message>
    <message>
        <source>%1 has neither Packet Recorder nor tcpdump: install the package packet-recorder (or tcpdump) there</source>
        <translation>%1 既没有 Packet Recorder 也没有 tcpdump：请在该机器上安装 packet-recorder 软件包（或 tcpdump）</translation>
    </message>
    <message>
        <source> (it said: %1)</source>
        <translation>（提示：%1）</translation>
    </message>
    <message>
        <source>%1: cannot run ssh (%2): %3</source>
        <translation>%1：无法运行 ssh（%2）：%3</translation>
    </message>
</context>
<context>
    <name>pr::remote::RemoteRecording</name>
    <message>
        <source>clock offset unknown</source>
        <translation>时钟偏差未知</translation>
    </message>
    <message>
        <source>clock %1 ms to this desktop (round trip %2 ms)</source>
        <translation>时钟与本机相差 %1 毫秒（往返 %2 毫秒）</translation>
    </message>
    <message>
        <source>A recording of other machines is one file: split it afterwards (editcap -c), or record each machine on its own</source>
        <translation>录制其他机器时只写一个文件：请事后拆分（editcap -c），或分别录制每台机器</translation>
    </message>
    <message>
        <source>The file &quot;%1&quot; exists already</source>
        <translation>文件“%1”已存在</translation>
    </message>
    <message>
        <source>Cannot create &quot;%1&quot;: %2</source>
        <translation>无法创建“%1”：%2</translation>
    </message>
    <message>
        <source>%1 on %2, recorded with %3; %4</source>
        <translation>%2 上的 %1，用 %3 录制；%4</translation>
    </message>
    <message>
        <source>%1: %2, %3</source>
        <translation>%1：%2，%3</translation>
    </message>
    <message>
        <source>your own ssh sessions are left out of the recording</source>
        <translation>您自己的 ssh 会话不会被录制</translation>
    </message>
    <message>
        <source>%1; its packets until then are in the file, the other machines go on</source>
        <translation>%1；此前的分组已在文件中，其他机器继续录制</translation>
    </message>
    <message>
        <source>%1; its packets until then are in the file</source>
        <translation>%1；此前的分组已在文件中</translation>
    </message>
    <message>
        <source>Cannot write &quot;%1&quot;: %2; the file ends at the last whole packet</source>
        <translation>无法写入“%1”：%2；文件止于最后一个完整的分组</translation>
    </message>
    <message>
        <source>on %1</source>
        <translation>位于 %1</translation>
    </message>
</context>
<context>
    <name>pr::remote::RemoteStream</name>
    <message>
        <source>%1: no memory file for the stream: %2</source>
        <translation>%1：无法为数据流创建内存文件：%2</translation>
    </message>
    <message>
        <source>%1: cannot run %2: %3</source>
        <translation>%1：无法运行 %2：%3</translation>
    </message>
    <message>
        <source>%1: cannot keep the stream in memory: %2</source>
        <translation>%1：无法在内存中保存数据流：%2</translation>
    </message>
    <message>
        <source>%1: what arrived is not a capture stream (%2)</source>
        <translation>%1：收到的内容不是捕获数据流（%2）</translation>
    </message>
    <message>
        <source>%1: recording here was not permitted (the password prompt was refused or closed, or no polkit agent could ask)</source>
        <translation>%1：不允许在本机录制（密码提示被拒绝或关闭，或没有 polkit 代理可以询问）</translation>
    </message>
    <message>
        <source>%1 cannot record: neither Packet Recorder nor tcpdump may capture there for this user (install the package there and add the user to the group &quot;packet-recorder&quot;, or allow it with sudo without a password)%2</source>
        <translation>%1 无法录制：该机器上此用户既不能用 Packet Recorder 也不能用 tcpdump 捕获（请在该机器上安装软件包并把用户加入“packet-recorder”组，或允许无需密码通过 sudo 运行）%2</translation>
    </message>
    <message>
        <source> (it said: %1)</source>
        <translation>（提示：%1）</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1：%2</translation>
    </message>
    <message>
        <source>%1: the ssh program that carried the stream was ended (killed) on this desktop</source>
        <translation>%1：承载数据流的 ssh 程序在本机被结束（终止）</translation>
    </message>
    <message>
        <source>%1: the recording there stopped: %2</source>
        <translation>%1：该机器上的录制已停止：%2</translation>
    </message>
    <message>
        <source>%1: the recording program there ended without finishing its stream (ssh status %2): it was killed, or the machine went down</source>
        <translation>%1：该机器上的录制程序未完成数据流就结束了（ssh 状态 %2）：它被终止，或机器已停机</translation>
    </message>
</context>
<context>
    <name>pr::remote::RemoteTarget</name>
    <message>
        <source>&quot;%1&quot; is not a user name for ssh</source>
        <translation>“%1”不是 ssh 用户名</translation>
    </message>
    <message>
        <source>&quot;%1&quot;: an IPv6 address in brackets needs its &quot;]&quot;</source>
        <translation>“%1”：方括号中的 IPv6 地址缺少“]”</translation>
    </message>
    <message>
        <source>&quot;%1&quot;: after &quot;]&quot; only &quot;:PORT&quot; may follow</source>
        <translation>“%1”：“]”之后只能跟“:端口”</translation>
    </message>
    <message>
        <source>&quot;%1&quot; names no machine: give user@host, host or a Host alias of ~/.ssh/config</source>
        <translation>“%1”未指明机器：请输入 用户@主机、主机或 ~/.ssh/config 中的 Host 别名</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not a host name, an address or a Host alias</source>
        <translation>“%1”不是主机名、地址或 Host 别名</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not a port (1 to 65535)</source>
        <translation>“%1”不是端口（1 到 65535）</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not a remote interface: write ssh://[user@]host/interface</source>
        <translation>“%1”不是远程接口：请写成 ssh://[用户@]主机/接口</translation>
    </message>
    <message>
        <source>&quot;%1&quot; names no interface: write ssh://%2/eth0 (or /any)</source>
        <translation>“%1”未指明接口：请写成 ssh://%2/eth0（或 /any）</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not an interface name</source>
        <translation>“%1”不是接口名</translation>
    </message>
</context>
</TS>
