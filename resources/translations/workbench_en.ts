<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en_US">
<context>
    <name></name>
    <message>
        <source>添加交叉检验</source>
        <translation>Add cross-check</translation>
    </message>
    <message>
        <source>如：5 月微信+支付宝收款</source>
        <translation>e.g. May WeChat + Alipay receipts</translation>
    </message>
    <message>
        <source>检验对象</source>
        <translation>Tests</translation>
    </message>
    <message>
        <source>说明</source>
        <translation>Description</translation>
    </message>
    <message>
        <source>添加</source>
        <translation>Add</translation>
    </message>
    <message>
        <source>新建审贷会</source>
        <translation>New committee session</translation>
    </message>
    <message>
        <source>例如：三楼会议室</source>
        <translation>e.g. meeting room, 3rd floor</translation>
    </message>
    <message>
        <source>选择记录投票的用户，或只填写姓名</source>
        <translation>Pick the user who records the votes, or type a name only</translation>
    </message>
    <message>
        <source>主席</source>
        <translation>Chair</translation>
    </message>
    <message>
        <source>参会人员</source>
        <translation>Members</translation>
    </message>
    <message>
        <source>秘书</source>
        <translation>Secretary</translation>
    </message>
    <message>
        <source>决议规则</source>
        <translation>Decision rule</translation>
    </message>
    <message>
        <source>法定人数</source>
        <translation>Quorum</translation>
    </message>
    <message>
        <source>创建</source>
        <translation>Create</translation>
    </message>
    <message>
        <source>取消</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <source>请填写开会地点</source>
        <translation>Enter where the session takes place</translation>
    </message>
    <message>
        <source>请选择主席</source>
        <translation>Choose the chair</translation>
    </message>
    <message>
        <source>投票人数（含主席）%1 人，少于法定人数 %2 人</source>
        <translation>%1 voter(s) including the chair, fewer than the quorum of %2</translation>
    </message>
    <message>
        <source>秘书代为记录投票，不能同时作为投票成员</source>
        <translation>The secretary records the votes on the members&apos; behalf and cannot also vote</translation>
    </message>
    <message>
        <source>保存冲突</source>
        <translation>Save conflict</translation>
    </message>
    <message>
        <source>“%1”已被他人修改并保存，您的修改尚未保存。</source>
        <translation>“%1” was changed and saved by someone else; your changes are not saved yet.</translation>
    </message>
    <message>
        <source>重新载入：显示已保存的版本（您的修改仍可通过“撤销”找回）。另存为副本：把您的版本另存为新案件。</source>
        <translation>Reload: show the saved version (Undo brings your changes back). Save as copy: keep your version as a new case.</translation>
    </message>
    <message>
        <source>比较差异…</source>
        <translation>Compare…</translation>
    </message>
    <message>
        <source>修改</source>
        <translation>Edit</translation>
    </message>
    <message>
        <source>更改</source>
        <translation>Change</translation>
    </message>
    <message>
        <source>重新载入</source>
        <translation>Reload</translation>
    </message>
    <message>
        <source>另存为副本</source>
        <translation>Save as copy</translation>
    </message>
    <message>
        <source>内存中的案件库</source>
        <translation>in-memory case store</translation>
    </message>
    <message>
        <source>新案件</source>
        <translation>New case</translation>
    </message>
    <message>
        <source>该案卷</source>
        <translation>the case</translation>
    </message>
    <message>
        <source>案件（勾选 = 恢复）</source>
        <translation>Case (ticked = restore)</translation>
    </message>
    <message>
        <source>最后编辑</source>
        <translation>Last edited</translation>
    </message>
    <message>
        <source>恢复未保存的修改</source>
        <translation>Recover unsaved changes</translation>
    </message>
    <message>
        <source>上次工作台没有正常关闭，以下案件的修改尚未保存。恢复后案件显示为“未保存”，请检查后再保存。</source>
        <translation>The workbench did not close normally last time; the changes to these cases were not saved. Restored cases show as unsaved: check them, then save.</translation>
    </message>
    <message>
        <source>按勾选处理</source>
        <translation>Apply ticks</translation>
    </message>
    <message>
        <source>全部恢复</source>
        <translation>Restore all</translation>
    </message>
    <message>
        <source>全部放弃</source>
        <translation>Discard all</translation>
    </message>
    <message>
        <source>稍后决定</source>
        <translation>Decide later</translation>
    </message>
    <message>
        <source>以下恢复文件无法读取，已移到一旁保留：</source>
        <translation>These recovery files could not be read and were set aside (kept):</translation>
    </message>
    <message>
        <source>添加行</source>
        <translation>Add row</translation>
    </message>
    <message>
        <source>删除行</source>
        <translation>Remove rows</translation>
    </message>
    <message>
        <source>家庭</source>
        <translation>Household</translation>
    </message>
    <message>
        <source>商品</source>
        <translation>Goods</translation>
    </message>
    <message>
        <source>地点</source>
        <translation>Place</translation>
    </message>
    <message>
        <source>已决/议程</source>
        <translation>Decided/agenda</translation>
    </message>
    <message>
        <source>案卷编号</source>
        <translation>Case no.</translation>
    </message>
    <message>
        <source>版本</source>
        <translation>Version</translation>
    </message>
    <message>
        <source>决议</source>
        <translation>Decision</translation>
    </message>
    <message>
        <source>待决</source>
        <translation>Pending</translation>
    </message>
    <message>
        <source>委员</source>
        <translation>Member</translation>
    </message>
    <message>
        <source>表决</source>
        <translation>Vote</translation>
    </message>
    <message>
        <source>理由</source>
        <translation>Reason</translation>
    </message>
    <message>
        <source>条件</source>
        <translation>Conditions</translation>
    </message>
    <message>
        <source>客户经理</source>
        <translation>Loan officer</translation>
    </message>
    <message>
        <source>用户</source>
        <translation>User</translation>
    </message>
    <message>
        <source>出席并投票</source>
        <translation>Sits and votes</translation>
    </message>
    <message>
        <source>一票否决权</source>
        <translation>Veto</translation>
    </message>
    <message>
        <source>年销售额</source>
        <translation>Annual sales</translation>
    </message>
    <message>
        <source>净利润</source>
        <translation>Net profit</translation>
    </message>
    <message>
        <source>存货</source>
        <translation>Inventory</translation>
    </message>
    <message>
        <source>应收账款</source>
        <translation>Receivables</translation>
    </message>
    <message>
        <source>营业费用</source>
        <translation>Operating expenses</translation>
    </message>
    <message>
        <source>家庭开支</source>
        <translation>Household expenses</translation>
    </message>
    <message>
        <source>权益</source>
        <translation>Equity</translation>
    </message>
    <message>
        <source>软信息</source>
        <translation>Soft information</translation>
    </message>
    <message>
        <source>月营业天数</source>
        <translation>Operating days per month</translation>
    </message>
    <message>
        <source>检验值</source>
        <translation>Check value</translation>
    </message>
    <message>
        <source>材料占比</source>
        <translation>Material share</translation>
    </message>
    <message>
        <source>进货成本占比</source>
        <translation>Purchase share</translation>
    </message>
    <message>
        <source>销售额</source>
        <translation>Sales</translation>
    </message>
    <message>
        <source>说法甲</source>
        <translation>Statement A</translation>
    </message>
    <message>
        <source>说法乙</source>
        <translation>Statement B</translation>
    </message>
    <message>
        <source>小微信贷案件工作台</source>
        <translation>Micro-loan Case Workbench</translation>
    </message>
    <message>
        <source>文件(&amp;F)</source>
        <translation>&amp;File</translation>
    </message>
    <message>
        <source>编辑(&amp;E)</source>
        <translation>&amp;Edit</translation>
    </message>
    <message>
        <source>视图(&amp;V)</source>
        <translation>&amp;View</translation>
    </message>
    <message>
        <source>界面语言</source>
        <translation>Language</translation>
    </message>
    <message>
        <source>账户(&amp;A)</source>
        <translation>&amp;Account</translation>
    </message>
    <message>
        <source>审贷会(&amp;C)</source>
        <translation>&amp;Committee</translation>
    </message>
    <message>
        <source>帮助(&amp;H)</source>
        <translation>&amp;Help</translation>
    </message>
    <message>
        <source>常用</source>
        <translation>Main</translation>
    </message>
    <message>
        <source>案件</source>
        <translation>Cases</translation>
    </message>
    <message>
        <source>撤销</source>
        <translation>Undo</translation>
    </message>
    <message>
        <source>重做</source>
        <translation>Redo</translation>
    </message>
    <message>
        <source>案件列表</source>
        <translation>Case list</translation>
    </message>
    <message>
        <source>新建案件</source>
        <translation>New case</translation>
    </message>
    <message>
        <source>打开案件文件…</source>
        <translation>Open case file…</translation>
    </message>
    <message>
        <source>打开示例案件 A</source>
        <translation>Open demo case A</translation>
    </message>
    <message>
        <source>打开示例案件 B</source>
        <translation>Open demo case B</translation>
    </message>
    <message>
        <source>保存</source>
        <translation>Save</translation>
    </message>
    <message>
        <source>另存为案件文件…</source>
        <translation>Save as case file…</translation>
    </message>
    <message>
        <source>“%1”有未保存的修改，另有 %2 个照片/扫描件尚未存入案件库。</source>
        <translation>“%1” has unsaved changes, and %2 photos/scans not yet in the case store.</translation>
    </message>
    <message>
        <source>“%1”有 %2 个照片/扫描件尚未存入案件库。</source>
        <translation>“%1” has %2 photos/scans not yet in the case store.</translation>
    </message>
    <message>
        <source>案件文件不含这些文件：除非把案件保存到案件库，关闭后它们将丢失。</source>
        <translation>A case file does not hold them: unless the case is saved to the store, they are lost when it closes.</translation>
    </message>
    <message>
        <source>案件库未连接，案件文件不含这些文件：关闭后它们将丢失。</source>
        <translation>The case store is not connected and a case file does not hold them: they are lost when the case closes.</translation>
    </message>
    <message>
        <source>关闭案件</source>
        <translation>Close case</translation>
    </message>
    <message>
        <source>保存到案件库</source>
        <translation>Save to the store</translation>
    </message>
    <message>
        <source>不保存，关闭</source>
        <translation>Close without saving</translation>
    </message>
    <message>
        <source>退出</source>
        <translation>Quit</translation>
    </message>
    <message>
        <source>下一部分</source>
        <translation>Next section</translation>
    </message>
    <message>
        <source>上一部分</source>
        <translation>Previous section</translation>
    </message>
    <message>
        <source>演示</source>
        <translation>Present</translation>
    </message>
    <message>
        <source>演示屏幕…</source>
        <translation>Presentation screen…</translation>
    </message>
    <message>
        <source>关于</source>
        <translation>About</translation>
    </message>
    <message>
        <source>审贷会…</source>
        <translation>Committee…</translation>
    </message>
    <message>
        <source>提交贷审会</source>
        <translation>Submit to the committee</translation>
    </message>
    <message>
        <source>注销并切换用户…</source>
        <translation>Sign Out and Switch User…</translation>
    </message>
    <message>
        <source>修改我的密码…</source>
        <translation>Change My Password…</translation>
    </message>
    <message>
        <source>用户管理…</source>
        <translation>Manage Users…</translation>
    </message>
    <message>
        <source>授信政策…</source>
        <translation>Credit policy…</translation>
    </message>
    <message>
        <source>组合…</source>
        <translation>Portfolio…</translation>
    </message>
    <message>
        <source>打开案件文件</source>
        <translation>Open case file</translation>
    </message>
    <message>
        <source>案件文件 (*.json)</source>
        <translation>Case files (*.json)</translation>
    </message>
    <message>
        <source>方案修改记录无法读取：%1</source>
        <translation>The proposal history could not be read: %1</translation>
    </message>
    <message>
        <source>“%1”有未保存的修改。</source>
        <translation>“%1” has unsaved changes.</translation>
    </message>
    <message>
        <source>不保存</source>
        <translation>Don&apos;t save</translation>
    </message>
    <message>
        <source>正在保存…</source>
        <translation>Saving…</translation>
    </message>
    <message>
        <source>另存为案件文件</source>
        <translation>Save as case file</translation>
    </message>
    <message>
        <source>已保存：%1</source>
        <translation>Saved: %1</translation>
    </message>
    <message>
        <source>正在连接案件库…</source>
        <translation>Connecting to the case store…</translation>
    </message>
    <message>
        <source>正在登录案件库…</source>
        <translation>Signing in to the case store…</translation>
    </message>
    <message>
        <source>已登录：%1</source>
        <translation>Signed in: %1</translation>
    </message>
    <message>
        <source>案件库：未登录，案件以文件保存（“账户”菜单可再登录）</source>
        <translation>Case store: not signed in, cases are saved as files (sign in from the Account menu)</translation>
    </message>
    <message>
        <source>正在保存，请稍后再切换用户</source>
        <translation>Saving; switch user once it is done</translation>
    </message>
    <message>
        <source>密码已修改</source>
        <translation>Password changed</translation>
    </message>
    <message>
        <source>组合需要连接案件库</source>
        <translation>The portfolio needs a case store</translation>
    </message>
    <message>
        <source>案件库不可用（可使用案件文件）：%1</source>
        <translation>Case store unavailable (case files still work): %1</translation>
    </message>
    <message>
        <source>案件库：未连接，案件以文件保存</source>
        <translation>Case store: not connected; cases are saved as files</translation>
    </message>
    <message>
        <source>案件库：%1（%2）</source>
        <translation>Case store: %1 (%2)</translation>
    </message>
    <message>
        <source>面向小微信贷客户经理的 IPC 信贷技术工作台：还原报表、交叉检验、还款能力测算与上会准备。</source>
        <translation>The IPC credit-method workbench for micro-loan officers: reconstructed statements, cross-checks, repayment capacity and committee preparation.</translation>
    </message>
    <message>
        <source>案件编号</source>
        <translation>Case no.</translation>
    </message>
    <message>
        <source>借款人</source>
        <translation>Applicant</translation>
    </message>
    <message>
        <source>经营主体</source>
        <translation>Business</translation>
    </message>
    <message>
        <source>阶段</source>
        <translation>Stage</translation>
    </message>
    <message>
        <source>申请金额</source>
        <translation>Amount requested</translation>
    </message>
    <message>
        <source>更新时间</source>
        <translation>Updated</translation>
    </message>
    <message>
        <source>类别</source>
        <translation>Category</translation>
    </message>
    <message>
        <source>授信政策</source>
        <translation>Credit policy</translation>
    </message>
    <message>
        <source>案件库交叉核对（同一申请人、互保圈）阻止上会</source>
        <translation>Checks across the store (same applicant, guarantee rings) block the submission</translation>
    </message>
    <message>
        <source>名称</source>
        <translation>Name</translation>
    </message>
    <message>
        <source>可用比例 α（0–1）</source>
        <translation>Usable share α (0–1)</translation>
    </message>
    <message>
        <source>敏感性比例（逗号分隔）</source>
        <translation>Sensitivity shares (comma-separated)</translation>
    </message>
    <message>
        <source>现金流检验容差：可接受 / 需说明</source>
        <translation>Flow check tolerance: OK / explain</translation>
    </message>
    <message>
        <source>权益检验容差：可接受 / 需说明</source>
        <translation>Equity check tolerance: OK / explain</translation>
    </message>
    <message>
        <source>每月营业天数（无经营时）</source>
        <translation>Operating days a month (no business)</translation>
    </message>
    <message>
        <source>贷款金额取整单位</source>
        <translation>Loan amount rounding unit</translation>
    </message>
    <message>
        <source>现金流预测最低余额</source>
        <translation>Minimum projected cash balance</translation>
    </message>
    <message>
        <source>最低金额</source>
        <translation>Min amount</translation>
    </message>
    <message>
        <source>最高金额</source>
        <translation>Max amount</translation>
    </message>
    <message>
        <source>最短期限（月）</source>
        <translation>Min term (months)</translation>
    </message>
    <message>
        <source>最长期限（月）</source>
        <translation>Max term (months)</translation>
    </message>
    <message>
        <source>最低年利率</source>
        <translation>Min annual rate</translation>
    </message>
    <message>
        <source>最高年利率</source>
        <translation>Max annual rate</translation>
    </message>
    <message>
        <source>首贷上限</source>
        <translation>First-loan cap</translation>
    </message>
    <message>
        <source>现金流检验容差（可接受）</source>
        <translation>flow check tolerance (OK up to)</translation>
    </message>
    <message>
        <source>现金流检验容差（需说明）</source>
        <translation>flow check tolerance (explain up to)</translation>
    </message>
    <message>
        <source>权益检验容差（可接受）</source>
        <translation>equity check tolerance (OK up to)</translation>
    </message>
    <message>
        <source>权益检验容差（需说明）</source>
        <translation>equity check tolerance (explain up to)</translation>
    </message>
    <message>
        <source>每月营业天数</source>
        <translation>operating days per month</translation>
    </message>
    <message>
        <source>重要性比例</source>
        <translation>materiality share</translation>
    </message>
    <message>
        <source>敏感性比例</source>
        <translation>sensitivity shares</translation>
    </message>
    <message>
        <source>第 %1 个产品的%2</source>
        <translation>product %1, %2</translation>
    </message>
    <message>
        <source>%1检验容差（%2）</source>
        <translation>%1 check tolerance (%2)</translation>
    </message>
    <message>
        <source>添加产品</source>
        <translation>Add product</translation>
    </message>
    <message>
        <source>删除产品</source>
        <translation>Remove product</translation>
    </message>
    <message>
        <source>保存为新版本</source>
        <translation>Save as new version</translation>
    </message>
    <message>
        <source>政策与产品</source>
        <translation>Policy &amp;&amp; products</translation>
    </message>
    <message>
        <source>检验与重要性</source>
        <translation>Checks &amp;&amp; materiality</translation>
    </message>
    <message>
        <source>只有管理员可以修改授信政策；此处只读。</source>
        <translation>Only an administrator may change the credit policy; shown read-only.</translation>
    </message>
    <message>
        <source>现行版本：%1 第 %2 版</source>
        <translation>In force: %1 version %2</translation>
    </message>
    <message>
        <source>新产品</source>
        <translation>new product</translation>
    </message>
    <message>
        <source>已保存为第 %1 版，此后的计算按新版本进行</source>
        <translation>Saved as version %1; figures are computed under it from now on</translation>
    </message>
    <message>
        <source>金额</source>
        <translation>Amount</translation>
    </message>
    <message>
        <source>归属</source>
        <translation>Scope</translation>
    </message>
    <message>
        <source>备注</source>
        <translation>Note</translation>
    </message>
    <message>
        <source>品名</source>
        <translation>Item</translation>
    </message>
    <message>
        <source>数量</source>
        <translation>Quantity</translation>
    </message>
    <message>
        <source>单位成本</source>
        <translation>Unit cost</translation>
    </message>
    <message>
        <source>原值</source>
        <translation>Original value</translation>
    </message>
    <message>
        <source>现值</source>
        <translation>Present value</translation>
    </message>
    <message>
        <source>折旧</source>
        <translation>Depreciation</translation>
    </message>
    <message>
        <source>购置日期</source>
        <translation>Acquired</translation>
    </message>
    <message>
        <source>客户</source>
        <translation>Customer</translation>
    </message>
    <message>
        <source>账龄（天）</source>
        <translation>Age (days)</translation>
    </message>
    <message>
        <source>结算条件</source>
        <translation>Terms</translation>
    </message>
    <message>
        <source>对方</source>
        <translation>Counterparty</translation>
    </message>
    <message>
        <source>债权人</source>
        <translation>Lender</translation>
    </message>
    <message>
        <source>余额</source>
        <translation>Balance</translation>
    </message>
    <message>
        <source>月还款额</source>
        <translation>Instalment</translation>
    </message>
    <message>
        <source>其中月利息</source>
        <translation>of which interest</translation>
    </message>
    <message>
        <source>剩余期数</source>
        <translation>Months left</translation>
    </message>
    <message>
        <source>长期</source>
        <translation>Long-term</translation>
    </message>
    <message>
        <source>原始金额</source>
        <translation>Original amount</translation>
    </message>
    <message>
        <source>起始日期</source>
        <translation>Start date</translation>
    </message>
    <message>
        <source>用途</source>
        <translation>Purpose</translation>
    </message>
    <message>
        <source>价值</source>
        <translation>Value</translation>
    </message>
    <message>
        <source>属负债</source>
        <translation>Liability</translation>
    </message>
    <message>
        <source>被担保人</source>
        <translation>Beneficiary</translation>
    </message>
    <message>
        <source>担保金额</source>
        <translation>Amount guaranteed</translation>
    </message>
    <message>
        <source>产品</source>
        <translation>Product</translation>
    </message>
    <message>
        <source>销售占比</source>
        <translation>Sales share</translation>
    </message>
    <message>
        <source>售价</source>
        <translation>Price</translation>
    </message>
    <message>
        <source>进价</source>
        <translation>Cost</translation>
    </message>
    <message>
        <source>平季月销量</source>
        <translation>Units per normal month</translation>
    </message>
    <message>
        <source>材料</source>
        <translation>Material</translation>
    </message>
    <message>
        <source>计件工资</source>
        <translation>Piece wage</translation>
    </message>
    <message>
        <source>耗电 kWh</source>
        <translation>kWh</translation>
    </message>
    <message>
        <source>工时</source>
        <translation>Hours</translation>
    </message>
    <message>
        <source>自签名</source>
        <translation>self-signed</translation>
    </message>
    <message>
        <source>单位</source>
        <translation>Unit</translation>
    </message>
    <message>
        <source>角色</source>
        <translation>Role</translation>
    </message>
    <message>
        <source>颁发者</source>
        <translation>Issuer</translation>
    </message>
    <message>
        <source>有效期至</source>
        <translation>Valid until</translation>
    </message>
    <message>
        <source>证书指纹</source>
        <translation>Fingerprint</translation>
    </message>
    <message>
        <source>当前有效</source>
        <translation>valid now</translation>
    </message>
    <message>
        <source>当前无效（已过期或尚未生效）</source>
        <translation>not valid now (expired or not yet valid)</translation>
    </message>
    <message>
        <source>持有人：%1</source>
        <translation>Subject: %1</translation>
    </message>
    <message>
        <source>颁发者：%1</source>
        <translation>Issuer: %1</translation>
    </message>
    <message>
        <source>有效期：%1 至 %2（%3）</source>
        <translation>Valid: %1 to %2 (%3)</translation>
    </message>
    <message>
        <source>SHA-256 指纹：%1</source>
        <translation>SHA-256 fingerprint: %1</translation>
    </message>
    <message>
        <source>我的签名身份</source>
        <translation>My signing identities</translation>
    </message>
    <message>
        <source>签名身份保存在本机 %1（私钥文件仅本人可读），不进入案件库；签署时输入口令，口令不保存。</source>
        <translation>Signing identities are kept on this computer in %1 (key files readable by you only), never in the case store. The passphrase is asked each time you sign and never saved.</translation>
    </message>
    <message>
        <source>新建身份…</source>
        <translation>New identity…</translation>
    </message>
    <message>
        <source>导入 PKCS#12…</source>
        <translation>Import PKCS#12…</translation>
    </message>
    <message>
        <source>选择一个签名身份查看证书。</source>
        <translation>Select an identity to see its certificate.</translation>
    </message>
    <message>
        <source>还没有签名身份。新建一个（自签名证书），或导入银行 CA 颁发的 PKCS#12 文件。</source>
        <translation>No signing identity yet. Create one (self-signed certificate), or import a PKCS#12 file issued by the bank&apos;s CA.</translation>
    </message>
    <message>
        <source>新建签名身份</source>
        <translation>New signing identity</translation>
    </message>
    <message>
        <source>如：客户经理、审查员、审贷会主任</source>
        <translation>e.g. loan officer, reviewer, committee chair</translation>
    </message>
    <message>
        <source>如：某某农商银行 小微信贷中心</source>
        <translation>e.g. Rural Commercial Bank, micro-loan centre</translation>
    </message>
    <message>
        <source>至少 8 个字符</source>
        <translation>at least 8 characters</translation>
    </message>
    <message>
        <source>将生成 RSA-2048 密钥和自签名证书，以口令加密保存为 PKCS#12 文件；忘记口令无法找回。</source>
        <translation>Makes an RSA-2048 key and a self-signed certificate, saved as a passphrase-encrypted PKCS#12 file. A forgotten passphrase cannot be recovered.</translation>
    </message>
    <message>
        <source>签署栏</source>
        <translation>Signs in box</translation>
    </message>
    <message>
        <source>口令</source>
        <translation>Passphrase</translation>
    </message>
    <message>
        <source>再次输入口令</source>
        <translation>Passphrase again</translation>
    </message>
    <message>
        <source>新建</source>
        <translation>Create</translation>
    </message>
    <message>
        <source>请填写签署人姓名</source>
        <translation>Enter the signer&apos;s name</translation>
    </message>
    <message>
        <source>口令至少需要 %1 个字符</source>
        <translation>The passphrase needs at least %1 characters</translation>
    </message>
    <message>
        <source>两次输入的口令不一致</source>
        <translation>The two passphrases differ</translation>
    </message>
    <message>
        <source>正在生成…</source>
        <translation>Creating…</translation>
    </message>
    <message>
        <source>导入签名身份</source>
        <translation>Import a signing identity</translation>
    </message>
    <message>
        <source>银行 CA 颁发的 .p12 / .pfx 文件</source>
        <translation>.p12 / .pfx file issued by the bank&apos;s CA</translation>
    </message>
    <message>
        <source>浏览…</source>
        <translation>Browse…</translation>
    </message>
    <message>
        <source>读取证书</source>
        <translation>Read certificate</translation>
    </message>
    <message>
        <source>文件</source>
        <translation>File</translation>
    </message>
    <message>
        <source>输入口令并读取证书，核对无误后导入。</source>
        <translation>Enter the passphrase and read the certificate; import it once it is checked.</translation>
    </message>
    <message>
        <source>导入</source>
        <translation>Import</translation>
    </message>
    <message>
        <source>选择 PKCS#12 文件</source>
        <translation>Choose a PKCS#12 file</translation>
    </message>
    <message>
        <source>PKCS#12 文件 (*.p12 *.pfx);;所有文件 (*)</source>
        <translation>PKCS#12 files (*.p12 *.pfx);;All files (*)</translation>
    </message>
    <message>
        <source>请选择要导入的文件</source>
        <translation>Choose the file to import</translation>
    </message>
    <message>
        <source>请输入该文件的口令</source>
        <translation>Enter the file&apos;s passphrase</translation>
    </message>
    <message>
        <source>证书当前无效（已过期或尚未生效），不能导入</source>
        <translation>The certificate is not valid now (expired or not yet valid) and cannot be imported</translation>
    </message>
    <message>
        <source>毛利率</source>
        <translation>Margin</translation>
    </message>
    <message>
        <source>加价率</source>
        <translation>Mark-up</translation>
    </message>
    <message>
        <source>项目</source>
        <translation>Item</translation>
    </message>
    <message>
        <source>月金额</source>
        <translation>Monthly amount</translation>
    </message>
    <message>
        <source>占销售额比例</source>
        <translation>Share of sales</translation>
    </message>
    <message>
        <source>倍数（月数）</source>
        <translation>Times (months)</translation>
    </message>
    <message>
        <source>合计</source>
        <translation>Total</translation>
    </message>
    <message>
        <source>轮次</source>
        <translation>Pass</translation>
    </message>
    <message>
        <source>总资产</source>
        <translation>Total assets</translation>
    </message>
    <message>
        <source>总负债</source>
        <translation>Total liabilities</translation>
    </message>
    <message>
        <source>应有权益</source>
        <translation>Expected equity</translation>
    </message>
    <message>
        <source>期间利润</source>
        <translation>Period profit</translation>
    </message>
    <message>
        <source>日期</source>
        <translation>Date</translation>
    </message>
    <message>
        <source>发现</source>
        <translation>Finding</translation>
    </message>
    <message>
        <source>姓名</source>
        <translation>Name</translation>
    </message>
    <message>
        <source>身份</source>
        <translation>Role</translation>
    </message>
    <message>
        <source>与借款人关系</source>
        <translation>Relationship</translation>
    </message>
    <message>
        <source>职业</source>
        <translation>Occupation</translation>
    </message>
    <message>
        <source>月收入</source>
        <translation>Monthly income</translation>
    </message>
    <message>
        <source>资产</source>
        <translation>Assets</translation>
    </message>
    <message>
        <source>负债</source>
        <translation>Liabilities</translation>
    </message>
    <message>
        <source>证件号码</source>
        <translation>ID number</translation>
    </message>
    <message>
        <source>信用记录</source>
        <translation>Credit record</translation>
    </message>
    <message>
        <source>担保意愿</source>
        <translation>Willingness</translation>
    </message>
    <message>
        <source>描述</source>
        <translation>Description</translation>
    </message>
    <message>
        <source>所有人</source>
        <translation>Owner</translation>
    </message>
    <message>
        <source>评估价值</source>
        <translation>Appraised value</translation>
    </message>
    <message>
        <source>抵押率</source>
        <translation>Loan-to-value</translation>
    </message>
    <message>
        <source>权证号</source>
        <translation>Certificate no.</translation>
    </message>
    <message>
        <source>评估人</source>
        <translation>Appraiser</translation>
    </message>
    <message>
        <source>编号</source>
        <translation>ID</translation>
    </message>
    <message>
        <source>标题</source>
        <translation>Title</translation>
    </message>
    <message>
        <source>来源</source>
        <translation>Source</translation>
    </message>
    <message>
        <source>文件名</source>
        <translation>File name</translation>
    </message>
    <message>
        <source>关系</source>
        <translation>Relationship</translation>
    </message>
    <message>
        <source>年龄</source>
        <translation>Age</translation>
    </message>
    <message>
        <source>子女状况</source>
        <translation>Child status</translation>
    </message>
    <message>
        <source>参与经营</source>
        <translation>Works in business</translation>
    </message>
    <message>
        <source>被抚养</source>
        <translation>Dependent</translation>
    </message>
    <message>
        <source>占比</source>
        <translation>Share</translation>
    </message>
    <message>
        <source>结算方式</source>
        <translation>Payment terms</translation>
    </message>
    <message>
        <source>合作年限</source>
        <translation>Years</translation>
    </message>
    <message>
        <source>机构</source>
        <translation>Institution</translation>
    </message>
    <message>
        <source>类型</source>
        <translation>Type</translation>
    </message>
    <message>
        <source>担保方式</source>
        <translation>Guarantee</translation>
    </message>
    <message>
        <source>逾期情况</source>
        <translation>Overdue</translation>
    </message>
    <message>
        <source>需求类型</source>
        <translation>Need type</translation>
    </message>
    <message>
        <source>因素</source>
        <translation>Factor</translation>
    </message>
    <message>
        <source>选项</source>
        <translation>Option</translation>
    </message>
    <message>
        <source>事项</source>
        <translation>Topic</translation>
    </message>
    <message>
        <source>来源甲</source>
        <translation>Source A</translation>
    </message>
    <message>
        <source>来源乙</source>
        <translation>Source B</translation>
    </message>
    <message>
        <source>一致</source>
        <translation>Agree</translation>
    </message>
    <message>
        <source>分派日期</source>
        <translation>Assigned on</translation>
    </message>
    <message>
        <source>调查开始日期</source>
        <translation>Survey started on</translation>
    </message>
    <message>
        <source>上会日期</source>
        <translation>Committee date</translation>
    </message>
    <message>
        <source>答复日期</source>
        <translation>Answered on</translation>
    </message>
    <message>
        <source>放款日期</source>
        <translation>Disbursed on</translation>
    </message>
    <message>
        <source>首次贷后监控日期</source>
        <translation>First monitoring visit</translation>
    </message>
    <message>
        <source>上期资产负债表</source>
        <translation>Previous balance sheet</translation>
    </message>
    <message>
        <source>文件校验值</source>
        <translation>File checksum</translation>
    </message>
    <message>
        <source>负债率</source>
        <translation>Leverage</translation>
    </message>
    <message>
        <source>权重</source>
        <translation>Weight</translation>
    </message>
    <message>
        <source>团队</source>
        <translation>Team</translation>
    </message>
    <message>
        <source>方法</source>
        <translation>Method</translation>
    </message>
    <message>
        <source>可变成本</source>
        <translation>Variable costs</translation>
    </message>
    <message>
        <source>毛利润</source>
        <translation>Gross profit</translation>
    </message>
    <message>
        <source>经营利润</source>
        <translation>Operating profit</translation>
    </message>
    <message>
        <source>经营负债利息</source>
        <translation>Interest on business debts</translation>
    </message>
    <message>
        <source>会计净利润</source>
        <translation>Accounting net profit</translation>
    </message>
    <message>
        <source>经营性分期还款</source>
        <translation>Business instalments</translation>
    </message>
    <message>
        <source>私人分期还款</source>
        <translation>Private instalments</translation>
    </message>
    <message>
        <source>其他支出</source>
        <translation>Other expenses</translation>
    </message>
    <message>
        <source>其他收入</source>
        <translation>Other income</translation>
    </message>
    <message>
        <source>月可支配资金</source>
        <translation>Disposable cash</translation>
    </message>
    <message>
        <source>月均</source>
        <translation>Average</translation>
    </message>
    <message>
        <source>季节</source>
        <translation>Season</translation>
    </message>
    <message>
        <source>还款额</source>
        <translation>Payment</translation>
    </message>
    <message>
        <source>利息</source>
        <translation>Interest</translation>
    </message>
    <message>
        <source>本金</source>
        <translation>Principal</translation>
    </message>
    <message>
        <source>剩余本金</source>
        <translation>Balance</translation>
    </message>
    <message>
        <source>月份</source>
        <translation>Month</translation>
    </message>
    <message>
        <source>累计现金</source>
        <translation>Cumulative cash</translation>
    </message>
    <message>
        <source>%1 在打开后已被他人修改</source>
        <translation>%1 was changed by someone else after it was opened</translation>
    </message>
    <message>
        <source>无法打开案件文件：%1</source>
        <translation>Cannot open the case file: %1</translation>
    </message>
    <message>
        <source>无法打开案件：%1</source>
        <translation>Cannot open the case: %1</translation>
    </message>
    <message>
        <source>保存失败：%1</source>
        <translation>Save failed: %1</translation>
    </message>
    <message>
        <source>无法载入他人保存的版本：%1</source>
        <translation>Cannot load the version saved by someone else: %1</translation>
    </message>
    <message>
        <source>无法重新载入：%1</source>
        <translation>Cannot reload: %1</translation>
    </message>
    <message>
        <source>贷款产品</source>
        <translation>Loan product</translation>
    </message>
    <message>
        <source>贷款类别</source>
        <translation>Loan class</translation>
    </message>
    <message>
        <source>案件阶段</source>
        <translation>Stage</translation>
    </message>
    <message>
        <source>调查日期</source>
        <translation>Survey date</translation>
    </message>
    <message>
        <source>申请日期</source>
        <translation>Applied on</translation>
    </message>
    <message>
        <source>主办客户经理</source>
        <translation>Lead officer</translation>
    </message>
    <message>
        <source>协办客户经理</source>
        <translation>Assistant officer</translation>
    </message>
    <message>
        <source>申请人</source>
        <translation>Applicant</translation>
    </message>
    <message>
        <source>性别</source>
        <translation>Sex</translation>
    </message>
    <message>
        <source>出生日期</source>
        <translation>Birth date</translation>
    </message>
    <message>
        <source>学历</source>
        <translation>Education</translation>
    </message>
    <message>
        <source>婚姻状况</source>
        <translation>Marital status</translation>
    </message>
    <message>
        <source>户籍</source>
        <translation>Hukou</translation>
    </message>
    <message>
        <source>住址</source>
        <translation>Address</translation>
    </message>
    <message>
        <source>第 %1 行</source>
        <translation>Row %1</translation>
    </message>
    <message>
        <source>现址居住年限</source>
        <translation>Years at address</translation>
    </message>
    <message>
        <source>住房情况</source>
        <translation>Housing</translation>
    </message>
    <message>
        <source>电话</source>
        <translation>Phone</translation>
    </message>
    <message>
        <source>从业年限</source>
        <translation>Years in the trade</translation>
    </message>
    <message>
        <source>信用卡逾期次数</source>
        <translation>Card overdues</translation>
    </message>
    <message>
        <source>贷款逾期次数</source>
        <translation>Loan overdues</translation>
    </message>
    <message>
        <source>家庭人口</source>
        <translation>Household size</translation>
    </message>
    <message>
        <source>被抚养人数</source>
        <translation>Dependents</translation>
    </message>
    <message>
        <source>家庭结构</source>
        <translation>Family structure</translation>
    </message>
    <message>
        <source>其他收入来源</source>
        <translation>Other income sources</translation>
    </message>
    <message>
        <source>信贷记录</source>
        <translation>Credit history</translation>
    </message>
    <message>
        <source>家庭成员</source>
        <translation>Household members</translation>
    </message>
    <message>
        <source>现金及其他资产</source>
        <translation>Cash and other assets</translation>
    </message>
    <message>
        <source>固定资产</source>
        <translation>Fixed assets</translation>
    </message>
    <message>
        <source>应付及预收</source>
        <translation>Payables</translation>
    </message>
    <message>
        <source>表外项目</source>
        <translation>Off-balance</translation>
    </message>
    <message>
        <source>对外担保</source>
        <translation>Guarantees given</translation>
    </message>
    <message>
        <source>流动资产</source>
        <translation>Current assets</translation>
    </message>
    <message>
        <source>经营性固定资产</source>
        <translation>Business fixed assets</translation>
    </message>
    <message>
        <source>经营权益</source>
        <translation>Business equity</translation>
    </message>
    <message>
        <source>家庭权益</source>
        <translation>Household equity</translation>
    </message>
    <message>
        <source>可动用现金</source>
        <translation>Liquid funds</translation>
    </message>
    <message>
        <source>流动负债</source>
        <translation>Current liabilities</translation>
    </message>
    <message>
        <source>报表日期</source>
        <translation>Sheet date</translation>
    </message>
    <message>
        <source>经营主体名称</source>
        <translation>Business name</translation>
    </message>
    <message>
        <source>月息 %1‰</source>
        <translation>Monthly rate %1‰</translation>
    </message>
    <message>
        <source>年利率 %1%</source>
        <translation>Annual rate %1%</translation>
    </message>
    <message>
        <source>%1 个月</source>
        <translation>%1 months</translation>
    </message>
    <message>
        <source>行业</source>
        <translation>Industry</translation>
    </message>
    <message>
        <source>主营业务</source>
        <translation>Main activity</translation>
    </message>
    <message>
        <source>月还款占比</source>
        <translation>Instalment / income</translation>
    </message>
    <message>
        <source>期限与利率</source>
        <translation>Term and rate</translation>
    </message>
    <message>
        <source>α 规则</source>
        <translation>α rule</translation>
    </message>
    <message>
        <source>通过</source>
        <translation>passed</translation>
    </message>
    <message>
        <source>不通过</source>
        <translation>failed</translation>
    </message>
    <message>
        <source>主要风险（软信息）</source>
        <translation>Main risks (soft information)</translation>
    </message>
    <message>
        <source>决策摘要</source>
        <translation>Decision summary</translation>
    </message>
    <message>
        <source>季节性资金缺口</source>
        <translation>Seasonal shortfall</translation>
    </message>
    <message>
        <source>员工人数</source>
        <translation>Employees</translation>
    </message>
    <message>
        <source>开业时间</source>
        <translation>Started on</translation>
    </message>
    <message>
        <source>经营与家庭</source>
        <translation>Business and household</translation>
    </message>
    <message>
        <source>现金及银行存款</source>
        <translation>Cash and bank</translation>
    </message>
    <message>
        <source>应收及预付</source>
        <translation>Receivables and prepayments</translation>
    </message>
    <message>
        <source>流动资产合计</source>
        <translation>Current assets</translation>
    </message>
    <message>
        <source>固定资产及其他</source>
        <translation>Fixed and other assets</translation>
    </message>
    <message>
        <source>经营资产合计</source>
        <translation>Business assets</translation>
    </message>
    <message>
        <source>经营资产</source>
        <translation>Business assets</translation>
    </message>
    <message>
        <source>家庭资产</source>
        <translation>Household assets</translation>
    </message>
    <message>
        <source>资产总计</source>
        <translation>Total assets</translation>
    </message>
    <message>
        <source>借款</source>
        <translation>Borrowings</translation>
    </message>
    <message>
        <source>负债合计</source>
        <translation>Total liabilities</translation>
    </message>
    <message>
        <source>所有者权益</source>
        <translation>Equity</translation>
    </message>
    <message>
        <source>负债与权益</source>
        <translation>Liabilities and equity</translation>
    </message>
    <message>
        <source>旺季</source>
        <translation>Peak season</translation>
    </message>
    <message>
        <source>平季</source>
        <translation>Normal season</translation>
    </message>
    <message>
        <source>淡季</source>
        <translation>Slack season</translation>
    </message>
    <message>
        <source>毛利</source>
        <translation>Gross profit</translation>
    </message>
    <message>
        <source>可支配资金</source>
        <translation>Disposable cash</translation>
    </message>
    <message>
        <source>净利率</source>
        <translation>Net margin</translation>
    </message>
    <message>
        <source>损益表（月度）</source>
        <translation>Income statement (monthly)</translation>
    </message>
    <message>
        <source>月度销售与季节性</source>
        <translation>Monthly sales and seasonality</translation>
    </message>
    <message>
        <source>本案件没有权益检验。</source>
        <translation>This case has no equity reconciliation.</translation>
    </message>
    <message>
        <source>偏差 δ</source>
        <translation>Deviation δ</translation>
    </message>
    <message>
        <source>（%1 复核认可）</source>
        <translation>(accepted on review by %1)</translation>
    </message>
    <message>
        <source>审贷会调整与还款计划</source>
        <translation>Committee what-if and schedule</translation>
    </message>
    <message>
        <source>加权毛利率（加价率 %1）</source>
        <translation>Weighted margin (mark-up %1)</translation>
    </message>
    <message>
        <source>状态</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>第 %1 轮</source>
        <translation>Pass %1</translation>
    </message>
    <message>
        <source>期初权益</source>
        <translation>Initial equity</translation>
    </message>
    <message>
        <source>注资与增值</source>
        <translation>Injections and appreciation</translation>
    </message>
    <message>
        <source>提款与折旧</source>
        <translation>Withdrawals and depreciation</translation>
    </message>
    <message>
        <source>交叉检验偏差</source>
        <translation>Cross-check deviations</translation>
    </message>
    <message>
        <source>检验方法</source>
        <translation>Method</translation>
    </message>
    <message>
        <source>已被 %1 取代</source>
        <translation>superseded by %1</translation>
    </message>
    <message>
        <source>交叉检验矩阵</source>
        <translation>Cross-check matrix</translation>
    </message>
    <message>
        <source>经营年限</source>
        <translation>Years in business</translation>
    </message>
    <message>
        <source>居住年限</source>
        <translation>Years at address</translation>
    </message>
    <message>
        <source>私人财产</source>
        <translation>Private property</translation>
    </message>
    <message>
        <source>子女情况</source>
        <translation>Children</translation>
    </message>
    <message>
        <source>配偶工作</source>
        <translation>Spouse&apos;s work</translation>
    </message>
    <message>
        <source>未婚</source>
        <translation>Single</translation>
    </message>
    <message>
        <source>离婚</source>
        <translation>Divorced</translation>
    </message>
    <message>
        <source>再婚</source>
        <translation>Remarried</translation>
    </message>
    <message>
        <source>已婚</source>
        <translation>Married</translation>
    </message>
    <message>
        <source>30以下</source>
        <translation>Under 30</translation>
    </message>
    <message>
        <source>55以上</source>
        <translation>Over 55</translation>
    </message>
    <message>
        <source>45-55</source>
        <translation>45–55</translation>
    </message>
    <message>
        <source>30-45</source>
        <translation>30–45</translation>
    </message>
    <message>
        <source>1年以下</source>
        <translation>Under 1 year</translation>
    </message>
    <message>
        <source>1-3年</source>
        <translation>1–3 years</translation>
    </message>
    <message>
        <source>3-5年</source>
        <translation>3–5 years</translation>
    </message>
    <message>
        <source>5年以上</source>
        <translation>Over 5 years</translation>
    </message>
    <message>
        <source>3年以下</source>
        <translation>Under 3 years</translation>
    </message>
    <message>
        <source>3-10年</source>
        <translation>3–10 years</translation>
    </message>
    <message>
        <source>本地人或10年以上</source>
        <translation>Local, or over 10 years</translation>
    </message>
    <message>
        <source>没有</source>
        <translation>None</translation>
    </message>
    <message>
        <source>少量</source>
        <translation>A little</translation>
    </message>
    <message>
        <source>部分</source>
        <translation>Some</translation>
    </message>
    <message>
        <source>良好私人财产</source>
        <translation>Good private assets</translation>
    </message>
    <message>
        <source>不良</source>
        <translation>Bad</translation>
    </message>
    <message>
        <source>非主观不良</source>
        <translation>Bad, not through own fault</translation>
    </message>
    <message>
        <source>良好或无记录</source>
        <translation>Good, or no record</translation>
    </message>
    <message>
        <source>无事</source>
        <translation>Idle</translation>
    </message>
    <message>
        <source>无子女</source>
        <translation>No children</translation>
    </message>
    <message>
        <source>年幼或上学</source>
        <translation>Young or at school</translation>
    </message>
    <message>
        <source>工作</source>
        <translation>Working</translation>
    </message>
    <message>
        <source>无单位</source>
        <translation>No employer</translation>
    </message>
    <message>
        <source>其他工作或生意</source>
        <translation>Other job or business</translation>
    </message>
    <message>
        <source>参与生意</source>
        <translation>Works in the business</translation>
    </message>
    <message>
        <source>当地单位稳定</source>
        <translation>Stable local employer</translation>
    </message>
    <message>
        <source>品格与声誉</source>
        <translation>Character and reputation</translation>
    </message>
    <message>
        <source>调查报告中未填写软信息与风险说明。</source>
        <translation>The survey report has no soft information or risks written down.</translation>
    </message>
    <message>
        <source>软信息与风险</source>
        <translation>Soft information and risks</translation>
    </message>
    <message>
        <source>放款后现金流预测</source>
        <translation>Cash projection after disbursement</translation>
    </message>
    <message>
        <source>审贷会决议</source>
        <translation>Committee decision</translation>
    </message>
    <message>
        <source>年利率 %1 %（月 %2 ‰）</source>
        <translation>%1 % a year (%2 ‰ a month)</translation>
    </message>
    <message>
        <source>年利率 %1 %</source>
        <translation>%1 % a year</translation>
    </message>
    <message>
        <source>%1，%2 个月，%3，%4</source>
        <translation>%1, %2 months, %3, %4</translation>
    </message>
    <message>
        <source>建议金额：%1</source>
        <translation>Proposed amount: %1</translation>
    </message>
    <message>
        <source>尚未列入审贷会议程</source>
        <translation>Not on a committee agenda yet</translation>
    </message>
    <message>
        <source>记录投票…</source>
        <translation>Record votes…</translation>
    </message>
    <message>
        <source>审贷会调整：%1</source>
        <translation>Committee amendment: %1</translation>
    </message>
    <message>
        <source>%1 · 决议规则：%2，法定人数 %3</source>
        <translation>%1 · rule: %2, quorum %3</translation>
    </message>
    <message>
        <source>未投票</source>
        <translation>Not voted</translation>
    </message>
    <message>
        <source>决议：%1</source>
        <translation>Decision: %1</translation>
    </message>
    <message>
        <source>最终条件：%1，%2 个月，年利率 %3 %，%4</source>
        <translation>Final terms: %1, %2 months, %3 % a year, %4</translation>
    </message>
    <message>
        <source>当前结果：待主席表决</source>
        <translation>So far: waiting for the chair</translation>
    </message>
    <message>
        <source>当前结果：%1</source>
        <translation>So far: %1</translation>
    </message>
    <message>
        <source>组织形式</source>
        <translation>Legal form</translation>
    </message>
    <message>
        <source>营业执照号</source>
        <translation>Licence no.</translation>
    </message>
    <message>
        <source>登记经营者</source>
        <translation>Registered owner</translation>
    </message>
    <message>
        <source>实际经营者</source>
        <translation>Actual operator</translation>
    </message>
    <message>
        <source>经营地址</source>
        <translation>Address</translation>
    </message>
    <message>
        <source>场所性质</source>
        <translation>Premises</translation>
    </message>
    <message>
        <source>面积 m²</source>
        <translation>Area m²</translation>
    </message>
    <message>
        <source>月租金</source>
        <translation>Monthly rent</translation>
    </message>
    <message>
        <source>租约到期</source>
        <translation>Lease until</translation>
    </message>
    <message>
        <source>开业日期</source>
        <translation>Started</translation>
    </message>
    <message>
        <source>现址经营起始</source>
        <translation>At this site since</translation>
    </message>
    <message>
        <source>雇员人数</source>
        <translation>Employees</translation>
    </message>
    <message>
        <source>经营历史</source>
        <translation>History</translation>
    </message>
    <message>
        <source>经营管理</source>
        <translation>Management</translation>
    </message>
    <message>
        <source>上次以来的变化</source>
        <translation>Changes since last time</translation>
    </message>
    <message>
        <source>经营计划</source>
        <translation>Plans</translation>
    </message>
    <message>
        <source>主要供应商</source>
        <translation>Main suppliers</translation>
    </message>
    <message>
        <source>主要客户</source>
        <translation>Main customers</translation>
    </message>
    <message>
        <source>经营情况说明</source>
        <translation>Business narrative</translation>
    </message>
    <message>
        <source>本案件没有经营主体（消费类贷款）。</source>
        <translation>This case has no business (consumer loan).</translation>
    </message>
    <message>
        <source>添加经营主体</source>
        <translation>Add a business</translation>
    </message>
    <message>
        <source>月均可支配资金 MD</source>
        <translation>Disposable cash MD</translation>
    </message>
    <message>
        <source>可用比例 α</source>
        <translation>Usable share α</translation>
    </message>
    <message>
        <source>最高月还款额 A_max</source>
        <translation>Max instalment A_max</translation>
    </message>
    <message>
        <source>还款能力本金 P_cap</source>
        <translation>Capacity principal P_cap</translation>
    </message>
    <message>
        <source>建议金额 P_prop</source>
        <translation>Proposal P_prop</translation>
    </message>
    <message>
        <source>约束条件</source>
        <translation>Binding limit</translation>
    </message>
    <message>
        <source>月还款额占月可支比例</source>
        <translation>Instalment / disposable cash</translation>
    </message>
    <message>
        <source>另有 %1 项</source>
        <translation>%1 more</translation>
    </message>
    <message>
        <source>已取代（不计入）</source>
        <translation>superseded (not counted)</translation>
    </message>
    <message>
        <source>建议金额</source>
        <translation>Proposed amount</translation>
    </message>
    <message>
        <source>决议：待表决</source>
        <translation>Decision: pending vote</translation>
    </message>
    <message>
        <source>委员投票：待记录</source>
        <translation>Members&apos; votes: to be recorded</translation>
    </message>
    <message>
        <source>审贷会调整（不修改调查数据）</source>
        <translation>Committee amendment (survey figures unchanged)</translation>
    </message>
    <message>
        <source>月息</source>
        <translation>Monthly rate</translation>
    </message>
    <message>
        <source>年利率</source>
        <translation>Annual rate</translation>
    </message>
    <message>
        <source> 个月</source>
        <translation> months</translation>
    </message>
    <message>
        <source>放款前提条件，一行一条</source>
        <translation>Conditions precedent, one per line</translation>
    </message>
    <message>
        <source>贷后监控措施，一行一条</source>
        <translation>Monitoring measures, one per line</translation>
    </message>
    <message>
        <source>记录决议</source>
        <translation>Record decision</translation>
    </message>
    <message>
        <source>期限</source>
        <translation>Term</translation>
    </message>
    <message>
        <source>还款方式</source>
        <translation>Repayment method</translation>
    </message>
    <message>
        <source>放款前提条件</source>
        <translation>Conditions precedent</translation>
    </message>
    <message>
        <source>最终条件取自演示中的审贷会调整（可修改）</source>
        <translation>Final terms from the committee amendment in the presentation (editable)</translation>
    </message>
    <message>
        <source>最终条件取自客户经理的建议（可修改）</source>
        <translation>Final terms from the officer&apos;s proposal (editable)</translation>
    </message>
    <message>
        <source>已记录决议：%1</source>
        <translation>Decision recorded: %1</translation>
    </message>
    <message>
        <source>待主席表决</source>
        <translation>Waiting for the chair</translation>
    </message>
    <message>
        <source>按表决结果：%1</source>
        <translation>By the votes: %1</translation>
    </message>
    <message>
        <source>金额：%1</source>
        <translation>Amount: %1</translation>
    </message>
    <message>
        <source>金额须大于零</source>
        <translation>The amount must be above zero</translation>
    </message>
    <message>
        <source>利率：%1</source>
        <translation>Rate: %1</translation>
    </message>
    <message>
        <source>调查建议</source>
        <translation>Officer</translation>
    </message>
    <message>
        <source>审贷会调整</source>
        <translation>Committee</translation>
    </message>
    <message>
        <source>占月可支比例</source>
        <translation>Share of disposable cash</translation>
    </message>
    <message>
        <source>在还款能力以内</source>
        <translation>Within repayment capacity</translation>
    </message>
    <message>
        <source>超出还款能力</source>
        <translation>Beyond repayment capacity</translation>
    </message>
    <message>
        <source>共 %1 期，利息合计 %2，还款合计 %3</source>
        <translation>%1 instalments, interest %2, total repaid %3</translation>
    </message>
    <message>
        <source>月利率</source>
        <translation>Monthly rate</translation>
    </message>
    <message>
        <source>现金流预测最低点</source>
        <translation>Lowest projected cash</translation>
    </message>
    <message>
        <source>最高月还款额</source>
        <translation>Max instalment</translation>
    </message>
    <message>
        <source>还款能力本金</source>
        <translation>Capacity principal</translation>
    </message>
    <message>
        <source>还款计划</source>
        <translation>Schedule</translation>
    </message>
    <message>
        <source>现金流预测</source>
        <translation>Cash projection</translation>
    </message>
    <message>
        <source>敏感性</source>
        <translation>Sensitivity</translation>
    </message>
    <message>
        <source>还款能力与贷款建议</source>
        <translation>Capacity and proposal</translation>
    </message>
    <message>
        <source>添加检验</source>
        <translation>Add check</translation>
    </message>
    <message>
        <source>交叉检验</source>
        <translation>Cross-checks</translation>
    </message>
    <message>
        <source>证据</source>
        <translation>Evidence</translation>
    </message>
    <message>
        <source>选择一项检验，在此查看并填写其输入；或点击“添加检验”。</source>
        <translation>Select a check to see and fill in its inputs here, or click “Add check”.</translation>
    </message>
    <message>
        <source>不一致</source>
        <translation>Inconsistent</translation>
    </message>
    <message>
        <source>在区间内</source>
        <translation>Inside range</translation>
    </message>
    <message>
        <source>（已被 %1 取代）</source>
        <translation>(superseded by %1)</translation>
    </message>
    <message>
        <source>偏差</source>
        <translation>Deviation</translation>
    </message>
    <message>
        <source>结论</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>对比季节</source>
        <translation>Season compared</translation>
    </message>
    <message>
        <source>认定值（空 = 报表数）</source>
        <translation>Adopted (empty = statement)</translation>
    </message>
    <message>
        <source>取代的检验</source>
        <translation>Supersedes</translation>
    </message>
    <message>
        <source>证据编号，以逗号分隔，如 E1, E2</source>
        <translation>Evidence ids, comma-separated, e.g. E1, E2</translation>
    </message>
    <message>
        <source>认定值</source>
        <translation>Adopted</translation>
    </message>
    <message>
        <source>偏差说明</source>
        <translation>Explanation</translation>
    </message>
    <message>
        <source>检验</source>
        <translation>Check</translation>
    </message>
    <message>
        <source>输入</source>
        <translation>Inputs</translation>
    </message>
    <message>
        <source>结果</source>
        <translation>Result</translation>
    </message>
    <message>
        <source>本方法使用案件的权益检验，无需输入。</source>
        <translation>This method uses the case&apos;s equity reconciliation; nothing to enter.</translation>
    </message>
    <message>
        <source>期间已按{field}填写，二者只填其一</source>
        <translation>The period is given in {field}: fill in one of the two</translation>
    </message>
    <message>
        <source>输入尚不完整，无法计算：请先填写上面的输入</source>
        <translation>The inputs are not complete, so the check cannot be worked out: fill in the inputs above first</translation>
    </message>
    <message>
        <source>结论不是“通过”：必须写明偏差原因</source>
        <translation>Status is not OK: explain the deviation</translation>
    </message>
    <message>
        <source>无法计算</source>
        <translation>n/a</translation>
    </message>
    <message>
        <source>初始资产</source>
        <translation>Initial assets</translation>
    </message>
    <message>
        <source>初始负债</source>
        <translation>Initial liabilities</translation>
    </message>
    <message>
        <source>资本注入</source>
        <translation>Injections</translation>
    </message>
    <message>
        <source>资产增值</source>
        <translation>Appreciation</translation>
    </message>
    <message>
        <source>提取与家庭开支</source>
        <translation>Withdrawals</translation>
    </message>
    <message>
        <source>初始权益 E0</source>
        <translation>Initial equity E0</translation>
    </message>
    <message>
        <source>提取</source>
        <translation>Withdrawals</translation>
    </message>
    <message>
        <source>实际权益</source>
        <translation>Actual equity</translation>
    </message>
    <message>
        <source>差额</source>
        <translation>Difference</translation>
    </message>
    <message>
        <source>差额/期间利润</source>
        <translation>Difference / period profit</translation>
    </message>
    <message>
        <source>本轮</source>
        <translation>This pass</translation>
    </message>
    <message>
        <source>资产负债表没有表外项目</source>
        <translation>The balance sheet has no off-balance items</translation>
    </message>
    <message>
        <source>初始权益日期</source>
        <translation>Initial date</translation>
    </message>
    <message>
        <source>初始权益依据</source>
        <translation>Basis of the initial point</translation>
    </message>
    <message>
        <source>计入表外项目</source>
        <translation>Include off-balance items</translation>
    </message>
    <message>
        <source>以往轮次</source>
        <translation>Earlier passes</translation>
    </message>
    <message>
        <source>权益检验</source>
        <translation>Equity reconciliation</translation>
    </message>
    <message>
        <source>偏差超出可接受范围：必须写明原因</source>
        <translation>Deviation outside the band: explain it</translation>
    </message>
    <message>
        <source>本案件还没有权益检验（经营类贷款必须做）。</source>
        <translation>This case has no equity reconciliation yet (required for business loans).</translation>
    </message>
    <message>
        <source>添加权益检验</source>
        <translation>Add an equity reconciliation</translation>
    </message>
    <message>
        <source>加权毛利率</source>
        <translation>Weighted margin</translation>
    </message>
    <message>
        <source>销售占比合计</source>
        <translation>Sales shares total</translation>
    </message>
    <message>
        <source>电价（元/kWh）</source>
        <translation>Tariff (CNY/kWh)</translation>
    </message>
    <message>
        <source>毛利率（手工认定）</source>
        <translation>Margin (adopted by hand)</translation>
    </message>
    <message>
        <source>产品毛利表</source>
        <translation>Product margins</translation>
    </message>
    <message>
        <source>成本结构</source>
        <translation>Cost structure</translation>
    </message>
    <message>
        <source>旺季月销售额</source>
        <translation>Peak-month sales</translation>
    </message>
    <message>
        <source>平季月销售额</source>
        <translation>Normal-month sales</translation>
    </message>
    <message>
        <source>淡季月销售额</source>
        <translation>Slack-month sales</translation>
    </message>
    <message>
        <source>销售额说明</source>
        <translation>Sales narrative</translation>
    </message>
    <message>
        <source>季节日历</source>
        <translation>Seasonal calendar</translation>
    </message>
    <message>
        <source>各季月销售额</source>
        <translation>Sales per season</translation>
    </message>
    <message>
        <source>固定营业费用</source>
        <translation>Fixed costs</translation>
    </message>
    <message>
        <source>变动费用</source>
        <translation>Variable expenses</translation>
    </message>
    <message>
        <source>月均销售额</source>
        <translation>Average sales</translation>
    </message>
    <message>
        <source>月均净利润</source>
        <translation>Average net profit</translation>
    </message>
    <message>
        <source>月均可支配资金</source>
        <translation>Average disposable cash</translation>
    </message>
    <message>
        <source>加权加价率</source>
        <translation>Weighted mark-up</translation>
    </message>
    <message>
        <source>加价率（手工认定）</source>
        <translation>Mark-up (adopted by hand)</translation>
    </message>
    <message>
        <source>或按加价率填写，如 15%</source>
        <translation>or type the mark-up, e.g. 15%</translation>
    </message>
    <message>
        <source>产品与毛利</source>
        <translation>Products and margin</translation>
    </message>
    <message>
        <source>季节与销售额</source>
        <translation>Seasons and sales</translation>
    </message>
    <message>
        <source>费用与家庭开支</source>
        <translation>Expenses and household</translation>
    </message>
    <message>
        <source>12 个月损益表</source>
        <translation>12-month statement</translation>
    </message>
    <message>
        <source>财务分析</source>
        <translation>Financial assessment</translation>
    </message>
    <message>
        <source>优势</source>
        <translation>Strengths</translation>
    </message>
    <message>
        <source>威胁</source>
        <translation>Threats</translation>
    </message>
    <message>
        <source>风险</source>
        <translation>Risks</translation>
    </message>
    <message>
        <source>风险缓释</source>
        <translation>Mitigations</translation>
    </message>
    <message>
        <source>结论与建议</source>
        <translation>Conclusion</translation>
    </message>
    <message>
        <source>放款条件</source>
        <translation>Conditions</translation>
    </message>
    <message>
        <source>贷后监控</source>
        <translation>Monitoring</translation>
    </message>
    <message>
        <source>上会准备情况</source>
        <translation>Readiness for committee</translation>
    </message>
    <message>
        <source>调查报告意见</source>
        <translation>Survey report notes</translation>
    </message>
    <message>
        <source>尚不能提交信贷委员会：%1 项阻碍</source>
        <translation>Not ready for committee: %1 blocking issue(s)</translation>
    </message>
    <message>
        <source>可以提交信贷委员会</source>
        <translation>Ready for committee</translation>
    </message>
    <message>
        <source>期限（月）</source>
        <translation>Term (months)</translation>
    </message>
    <message>
        <source>利率类型</source>
        <translation>Rate type</translation>
    </message>
    <message>
        <source>利率</source>
        <translation>Rate</translation>
    </message>
    <message>
        <source>宽限期（月）</source>
        <translation>Grace (months)</translation>
    </message>
    <message>
        <source>预计放款日</source>
        <translation>Disbursement date</translation>
    </message>
    <message>
        <source>自有资金投入</source>
        <translation>Own contribution</translation>
    </message>
    <message>
        <source>首次贷款</source>
        <translation>First loan</translation>
    </message>
    <message>
        <source>贷款用途</source>
        <translation>Purpose</translation>
    </message>
    <message>
        <source>贷款申请</source>
        <translation>Loan request</translation>
    </message>
    <message>
        <source>资金使用计划</source>
        <translation>Uses of funds</translation>
    </message>
    <message>
        <source>其他资金来源</source>
        <translation>Other sources of funds</translation>
    </message>
    <message>
        <source>共同借款人与保证人</source>
        <translation>Co-borrowers and guarantors</translation>
    </message>
    <message>
        <source>抵质押物</source>
        <translation>Collateral</translation>
    </message>
    <message>
        <source>总体评价</source>
        <translation>Overall</translation>
    </message>
    <message>
        <source>性格与品行</source>
        <translation>Character</translation>
    </message>
    <message>
        <source>社会评价</source>
        <translation>Reputation</translation>
    </message>
    <message>
        <source>家庭情况</source>
        <translation>Family</translation>
    </message>
    <message>
        <source>经营历程</source>
        <translation>Business history</translation>
    </message>
    <message>
        <source>资本积累</source>
        <translation>Capital accumulation</translation>
    </message>
    <message>
        <source>贷款原因</source>
        <translation>Reason for the loan</translation>
    </message>
    <message>
        <source>信息来源</source>
        <translation>Information sources</translation>
    </message>
    <message>
        <source>不良嗜好</source>
        <translation>Bad habits</translation>
    </message>
    <message>
        <source>软信息评估</source>
        <translation>Assessment</translation>
    </message>
    <message>
        <source>软信息矩阵</source>
        <translation>Soft-information matrix</translation>
    </message>
    <message>
        <source>描述与评价</source>
        <translation>Narratives</translation>
    </message>
    <message>
        <source>软信息交叉检验</source>
        <translation>Soft cross-checks</translation>
    </message>
    <message>
        <source>确定</source>
        <translation>OK</translation>
    </message>
    <message>
        <source>添加用户</source>
        <translation>Add User</translation>
    </message>
    <message>
        <source>管理本案件库的用户</source>
        <translation>Manages this store&apos;s users</translation>
    </message>
    <message>
        <source>管理员</source>
        <translation>Administrator</translation>
    </message>
    <message>
        <source>在用</source>
        <translation>Active</translation>
    </message>
    <message>
        <source>锁定至</source>
        <translation>Locked until</translation>
    </message>
    <message>
        <source>初始密码</source>
        <translation>Initial password</translation>
    </message>
    <message>
        <source>重置密码</source>
        <translation>Reset Password</translation>
    </message>
    <message>
        <source>修改我的密码</source>
        <translation>Change My Password</translation>
    </message>
    <message>
        <source>当前密码</source>
        <translation>Current password</translation>
    </message>
    <message>
        <source>更改角色</source>
        <translation>Change Role</translation>
    </message>
    <message>
        <source>用户管理</source>
        <translation>Users</translation>
    </message>
    <message>
        <source>本机案件库（%1）的账户：密码只保存其哈希值。</source>
        <translation>Accounts of this computer&apos;s case store (%1): only a hash of each password is kept.</translation>
    </message>
    <message>
        <source>团队案件库的登录账户由数据库服务器的管理员用 workbench users 命令创建和管理；此处仅列出用户。</source>
        <translation>On a team store, people&apos;s logins are created and managed by the database server&apos;s administrator with the workbench users command; this window only lists the users.</translation>
    </message>
    <message>
        <source>添加用户…</source>
        <translation>Add User…</translation>
    </message>
    <message>
        <source>停用</source>
        <translation>Disable</translation>
    </message>
    <message>
        <source>重置密码…</source>
        <translation>Reset Password…</translation>
    </message>
    <message>
        <source>更改角色…</source>
        <translation>Change Role…</translation>
    </message>
    <message>
        <source>设为管理员</source>
        <translation>Make Administrator</translation>
    </message>
    <message>
        <source>签名证书…</source>
        <translation>Signing certificates…</translation>
    </message>
    <message>
        <source>是</source>
        <translation>Yes</translation>
    </message>
    <message>
        <source>已停用</source>
        <translation>Disabled</translation>
    </message>
    <message>
        <source>启用</source>
        <translation>Enable</translation>
    </message>
    <message>
        <source>取消管理员</source>
        <translation>Revoke Administrator</translation>
    </message>
    <message>
        <source>已添加用户 %1</source>
        <translation>User %1 added</translation>
    </message>
    <message>
        <source>已启用 %1</source>
        <translation>%1 enabled</translation>
    </message>
    <message>
        <source>已停用 %1</source>
        <translation>%1 disabled</translation>
    </message>
    <message>
        <source>已重置 %1 的密码（也解除了锁定）</source>
        <translation>%1&apos;s password reset (and any lock lifted)</translation>
    </message>
    <message>
        <source>%1 的角色已改为 %2</source>
        <translation>%1&apos;s role is now %2</translation>
    </message>
    <message>
        <source>%1 现在是管理员</source>
        <translation>%1 is now an administrator</translation>
    </message>
    <message>
        <source>%1 不再是管理员</source>
        <translation>%1 is no longer an administrator</translation>
    </message>
    <message>
        <source>否</source>
        <translation>No</translation>
    </message>
    <message>
        <source>申请人与家庭</source>
        <translation>Applicant &amp; household</translation>
    </message>
    <message>
        <source>经营情况</source>
        <translation>Business</translation>
    </message>
    <message>
        <source>贷款申请与用途</source>
        <translation>Request &amp; purpose</translation>
    </message>
    <message>
        <source>照片与扫描件</source>
        <translation>Photos &amp; scans</translation>
    </message>
    <message>
        <source>资产负债表</source>
        <translation>Balance sheet</translation>
    </message>
    <message>
        <source>损益表</source>
        <translation>Income statement</translation>
    </message>
    <message>
        <source>还款能力与建议</source>
        <translation>Capacity &amp; proposal</translation>
    </message>
    <message>
        <source>上会准备</source>
        <translation>Readiness</translation>
    </message>
    <message>
        <source>按住 Alt：各字段显示跳转字母</source>
        <translation>Hold Alt: every field shows the letter that jumps to it</translation>
    </message>
    <message>
        <source>无法计算：%1</source>
        <translation>Cannot compute: %1</translation>
    </message>
    <message>
        <source>搜索借款人、经营主体或案件编号</source>
        <translation>Search applicant, business or case no.</translation>
    </message>
    <message>
        <source>全部阶段</source>
        <translation>All stages</translation>
    </message>
    <message>
        <source>组合</source>
        <translation>Portfolio</translation>
    </message>
    <message>
        <source>截止日期</source>
        <translation>End date</translation>
    </message>
    <message>
        <source>全部客户经理</source>
        <translation>All officers</translation>
    </message>
    <message>
        <source>统计</source>
        <translation>Count</translation>
    </message>
    <message>
        <source>导出 Excel…</source>
        <translation>Export Excel…</translation>
    </message>
    <message>
        <source>导出 PDF…</source>
        <translation>Export PDF…</translation>
    </message>
    <message>
        <source>图表</source>
        <translation>Charts</translation>
    </message>
    <message>
        <source>各阶段与按月</source>
        <translation>Stages and months</translation>
    </message>
    <message>
        <source>偏差分布</source>
        <translation>Deviations</translation>
    </message>
    <message>
        <source>正在统计…</source>
        <translation>Counting…</translation>
    </message>
    <message>
        <source>{n} 件案卷，{m} 位客户经理</source>
        <translation>{n} case(s), {m} officer(s)</translation>
    </message>
    <message>
        <source>；客户经理只看自己的组合</source>
        <translation>; an officer sees her own portfolio only</translation>
    </message>
    <message>
        <source>请先统计</source>
        <translation>Count first</translation>
    </message>
    <message>
        <source>Excel 工作簿 (*.xlsx)</source>
        <translation>Excel workbook (*.xlsx)</translation>
    </message>
    <message>
        <source>导出组合</source>
        <translation>Export the portfolio</translation>
    </message>
    <message>
        <source>正在导出…</source>
        <translation>Exporting…</translation>
    </message>
    <message>
        <source>已导出到 {path}</source>
        <translation>Exported to {path}</translation>
    </message>
    <message>
        <source>更新于</source>
        <translation>Updated</translation>
    </message>
    <message>
        <source>创建于</source>
        <translation>Created</translation>
    </message>
    <message>
        <source>案件库：未连接</source>
        <translation>Case store: not connected</translation>
    </message>
    <message>
        <source>示例案件与最近的文件</source>
        <translation>Demo cases and recent files</translation>
    </message>
    <message>
        <source>示例案件 A：便利店（王丽华）</source>
        <translation>Demo case A: convenience store</translation>
    </message>
    <message>
        <source>示例案件 B：加工作坊</source>
        <translation>Demo case B: workshop</translation>
    </message>
    <message>
        <source>点击柱条可跳转到该项检验</source>
        <translation>Click a bar to go to its check</translation>
    </message>
    <message>
        <source>月度与现金流</source>
        <translation>Monthly and cash</translation>
    </message>
    <message>
        <source>数字，或 = 引用已算出的数据</source>
        <translation>A number, or = a derived figure</translation>
    </message>
    <message>
        <source>如 12,500 或 1.25万</source>
        <translation>e.g. 12,500 or 1.25万</translation>
    </message>
    <message>
        <source>在当前行之后添加一行</source>
        <translation>Add a row after the current one</translation>
    </message>
    <message>
        <source>删除选中的行</source>
        <translation>Remove the selected rows</translation>
    </message>
    <message>
        <source>演讲者视图</source>
        <translation>Presenter view</translation>
    </message>
    <message>
        <source>审贷会调整：无</source>
        <translation>Committee amendment: none</translation>
    </message>
    <message>
        <source>交换屏幕 (S)</source>
        <translation>Swap screens (S)</translation>
    </message>
    <message>
        <source>当前</source>
        <translation>Current</translation>
    </message>
    <message>
        <source>下一张</source>
        <translation>Next</translation>
    </message>
    <message>
        <source>全部幻灯片（点击跳转）</source>
        <translation>All slides (click to jump)</translation>
    </message>
    <message>
        <source>上会条件</source>
        <translation>Ready for committee</translation>
    </message>
    <message>
        <source>可提交审贷会</source>
        <translation>Ready for committee</translation>
    </message>
    <message>
        <source>尚未满足上会条件</source>
        <translation>Not ready for committee</translation>
    </message>
    <message>
        <source>（最后一张）</source>
        <translation>(last slide)</translation>
    </message>
    <message>
        <source>（无备注）</source>
        <translation>(no notes)</translation>
    </message>
    <message>
        <source>已黑屏</source>
        <translation>screen blanked</translation>
    </message>
    <message>
        <source>已白屏</source>
        <translation>white screen</translation>
    </message>
    <message>
        <source>案件库未连接</source>
        <translation>case store not connected</translation>
    </message>
    <message>
        <source>已自动保存到案件库：%1</source>
        <translation>Autosaved to the case store: %1</translation>
    </message>
    <message>
        <source>“%1”已被他人修改，自动保存已停止</source>
        <translation>“%1” was changed by someone else; autosave stopped</translation>
    </message>
    <message>
        <source>自动保存未完成：%1。改正后会再次自动保存；修改仍在窗口中并已存入本机恢复文件</source>
        <translation>Autosave not done: %1. It saves again once corrected; the edits stay in the window and in the recovery file on this computer</translation>
    </message>
    <message>
        <source>自动保存已停止：%1。修改仍在窗口中并已存入本机恢复文件</source>
        <translation>Autosave stopped: %1. The edits stay in the window and in the recovery file on this computer</translation>
    </message>
    <message>
        <source>自动保存失败，%1 秒后重试；修改仍在窗口中并已存入本机恢复文件：%2</source>
        <translation>Autosave failed, retrying in %1 s; your changes are still in the window and in the local recovery file: %2</translation>
    </message>
    <message>
        <source>字段</source>
        <translation>Field</translation>
    </message>
    <message>
        <source>我的版本</source>
        <translation>My version</translation>
    </message>
    <message>
        <source>他人保存的版本</source>
        <translation>Their saved version</translation>
    </message>
    <message>
        <source>比较差异</source>
        <translation>Compare versions</translation>
    </message>
    <message>
        <source>“%1”：您的版本与他人保存的版本有 %2 处不同。</source>
        <translation>“%1”: your version and the one saved by someone else differ in %2 fields.</translation>
    </message>
    <message>
        <source>“%1”：您的版本与他人保存的版本内容相同。</source>
        <translation>“%1”: your version and the one saved by someone else have the same content.</translation>
    </message>
    <message>
        <source>（他人保存的是版本 %1）</source>
        <translation>(they saved version %1)</translation>
    </message>
    <message>
        <source>重新载入：显示他人保存的版本（您的修改仍可通过“撤销”找回）。另存为副本：把您的版本另存为新案件。</source>
        <translation>Reload: show their saved version (Undo brings your changes back). Save as copy: keep your version as a new case.</translation>
    </message>
    <message>
        <source>不是有效的恢复文件（%1）</source>
        <translation>not a valid recovery file (%1)</translation>
    </message>
    <message>
        <source>不是恢复文件</source>
        <translation>not a recovery file</translation>
    </message>
    <message>
        <source>恢复文件的格式版本不受支持：%1</source>
        <translation>unsupported recovery file format version: %1</translation>
    </message>
    <message>
        <source>恢复文件不完整</source>
        <translation>the recovery file is incomplete</translation>
    </message>
    <message>
        <source>恢复文件中的案件无效：%1</source>
        <translation>the case in the recovery file is invalid: %1</translation>
    </message>
    <message>
        <source>恢复文件过大</source>
        <translation>the recovery file is too large</translation>
    </message>
    <message>
        <source>无法读取恢复文件：%1</source>
        <translation>cannot read the recovery file: %1</translation>
    </message>
    <message>
        <source>无法锁定恢复目录：%1</source>
        <translation>Cannot lock the recovery folder: %1</translation>
    </message>
    <message>
        <source>无法写入恢复文件（修改仍在窗口中）：%1</source>
        <translation>Cannot write the recovery file (your changes are still in the window): %1</translation>
    </message>
    <message>
        <source>案件库（版本 %1）</source>
        <translation>Case store (version %1)</translation>
    </message>
    <message>
        <source>案件文件 %1</source>
        <translation>Case file %1</translation>
    </message>
    <message>
        <source>示例案件 %1</source>
        <translation>Demo case %1</translation>
    </message>
    <message>
        <source>新案件（尚未保存）</source>
        <translation>New case (never saved)</translation>
    </message>
    <message>
        <source>调查报告</source>
        <translation>Survey report</translation>
    </message>
    <message>
        <source>贷款档案</source>
        <translation>Loan dossier</translation>
    </message>
    <message>
        <source>审贷会纪要</source>
        <translation>Committee minutes</translation>
    </message>
    <message>
        <source>报告</source>
        <translation>Report</translation>
    </message>
    <message>
        <source>案件版本</source>
        <translation>Case version</translation>
    </message>
    <message>
        <source>签署人</source>
        <translation>Signer</translation>
    </message>
    <message>
        <source>签署时间</source>
        <translation>Signed at</translation>
    </message>
    <message>
        <source>SHA-256</source>
        <translation>SHA-256</translation>
    </message>
    <message>
        <source>报告归档 — %1</source>
        <translation>Report archive — %1</translation>
    </message>
    <message>
        <source>归档中的报告不可修改；会签会生成一份新的归档报告，原报告保持不变。</source>
        <translation>Archived reports never change; a counter-signature archives a new report and leaves the original as it was.</translation>
    </message>
    <message>
        <source>正在读取报告归档…</source>
        <translation>Reading the report archive…</translation>
    </message>
    <message>
        <source>新建审贷会…</source>
        <translation>New session…</translation>
    </message>
    <message>
        <source>打开</source>
        <translation>Open</translation>
    </message>
    <message>
        <source>刷新</source>
        <translation>Refresh</translation>
    </message>
    <message>
        <source>请新建或打开一次审贷会</source>
        <translation>Create or open a committee session</translation>
    </message>
    <message>
        <source>双击案卷可在主窗口中打开</source>
        <translation>Double-click a case to open it in the main window</translation>
    </message>
    <message>
        <source>加入议程</source>
        <translation>Add to agenda</translation>
    </message>
    <message>
        <source>闭会并签署纪要…</source>
        <translation>Close and sign minutes…</translation>
    </message>
    <message>
        <source>待上会案卷</source>
        <translation>Waiting cases</translation>
    </message>
    <message>
        <source>投票</source>
        <translation>Votes</translation>
    </message>
    <message>
        <source>已新建审贷会</source>
        <translation>Session created</translation>
    </message>
    <message>
        <source>只列出最近提交的 %1 个待上会案卷；其余的在这些列入议程后列出</source>
        <translation>Only the %1 most recently submitted waiting cases are listed; the others appear once these are on an agenda</translation>
    </message>
    <message>
        <source>%1 · %2 · 主席 %3 · %4，法定人数 %5 · %6</source>
        <translation>%1 · %2 · chair %3 · %4, quorum %5 · %6</translation>
    </message>
    <message>
        <source>投票委员：%1</source>
        <translation>Voting: %1</translation>
    </message>
    <message>
        <source>（一票否决：%1）</source>
        <translation> (veto: %1)</translation>
    </message>
    <message>
        <source>秘书：%1</source>
        <translation>secretary: %1</translation>
    </message>
    <message>
        <source>没有待上会的案卷：客户经理须先将通过上会前检查的案卷提交贷审会</source>
        <translation>No case is waiting: an officer must first submit a case that passed the readiness checklist</translation>
    </message>
    <message>
        <source>已加入议程</source>
        <translation>Added to the agenda</translation>
    </message>
    <message>
        <source>第 %1 版</source>
        <translation>version %1</translation>
    </message>
    <message>
        <source>议程为空：从待上会案卷中加入</source>
        <translation>The agenda is empty: add a waiting case</translation>
    </message>
    <message>
        <source>投票已记录</source>
        <translation>Vote recorded</translation>
    </message>
    <message>
        <source>决议已记录</source>
        <translation>Decision recorded</translation>
    </message>
    <message>
        <source>议程为空，没有可签署的纪要</source>
        <translation>The agenda is empty: there are no minutes to sign</translation>
    </message>
    <message>
        <source>还有 %1 个议程案卷未作决议，不能闭会</source>
        <translation>%1 agenda case(s) are not decided yet: the session cannot be closed</translation>
    </message>
    <message>
        <source>纪要已由主席签署，并归档到 %1 个案卷；审贷会已闭会</source>
        <translation>The chair signed the minutes, archived under %1 case(s); the session is closed</translation>
    </message>
    <message>
        <source>正在生成并签署纪要…</source>
        <translation>Making and signing the minutes…</translation>
    </message>
    <message>
        <source>重新验证…</source>
        <translation>Verify again…</translation>
    </message>
    <message>
        <source>另存副本…</source>
        <translation>Save a copy…</translation>
    </message>
    <message>
        <source>打印预览…</source>
        <translation>Print preview…</translation>
    </message>
    <message>
        <source>打印…</source>
        <translation>Print…</translation>
    </message>
    <message>
        <source>会签…</source>
        <translation>Counter-sign…</translation>
    </message>
    <message>
        <source>关闭</source>
        <translation>Close</translation>
    </message>
    <message>
        <source>共 %1 份签署的报告。</source>
        <translation>%1 signed report(s).</translation>
    </message>
    <message>
        <source>此案件还没有签署的报告。</source>
        <translation>This case has no signed report yet.</translation>
    </message>
    <message>
        <source>另存报告副本</source>
        <translation>Save a copy of the report</translation>
    </message>
    <message>
        <source>PDF 文件 (*.pdf)</source>
        <translation>PDF files (*.pdf)</translation>
    </message>
    <message>
        <source>无法写入 %1：%2</source>
        <translation>Cannot write %1: %2</translation>
    </message>
    <message>
        <source>已另存为 %1</source>
        <translation>Saved as %1</translation>
    </message>
    <message>
        <source>会签报告</source>
        <translation>Counter-sign the report</translation>
    </message>
    <message>
        <source>%1（案件第 %2 版），已签署：%3</source>
        <translation>%1 (case version %2), signed by: %3</translation>
    </message>
    <message>
        <source>会签人</source>
        <translation>Counter-signer</translation>
    </message>
    <message>
        <source>审查会签</source>
        <translation>review counter-signature</translation>
    </message>
    <message>
        <source>会签</source>
        <translation>Counter-sign</translation>
    </message>
    <message>
        <source>正在签署…</source>
        <translation>Signing…</translation>
    </message>
    <message>
        <source>未会签：%1</source>
        <translation>Not counter-signed: %1</translation>
    </message>
    <message>
        <source>审贷会纪要（上会表格）</source>
        <translation>Committee minutes (agenda form)</translation>
    </message>
    <message>
        <source>导出报告 — %1</source>
        <translation>Export a report — %1</translation>
    </message>
    <message>
        <source>页眉上的单位名称，如：某某农商银行 小微信贷中心</source>
        <translation>Unit in the page header, e.g. Rural Commercial Bank, micro-loan centre</translation>
    </message>
    <message>
        <source>签署报告（PAdES 数字签名）</source>
        <translation>Sign the report (PAdES digital signature)</translation>
    </message>
    <message>
        <source>签署</source>
        <translation>Signature</translation>
    </message>
    <message>
        <source>报告语言</source>
        <translation>Report language</translation>
    </message>
    <message>
        <source>输出文件</source>
        <translation>Output file</translation>
    </message>
    <message>
        <source>导出</source>
        <translation>Export</translation>
    </message>
    <message>
        <source>打开 PDF</source>
        <translation>Open PDF</translation>
    </message>
    <message>
        <source>签署的报告存入案件库的报告归档，对应案件当前保存的版本。</source>
        <translation>A signed report goes into the case store&apos;s report archive, pinned to the case version saved now.</translation>
    </message>
    <message>
        <source>此案件不在案件库中：签署的报告只写入文件，不存档。</source>
        <translation>This case is not in the case store: a signed report is only written to the file, not archived.</translation>
    </message>
    <message>
        <source>报告保存为</source>
        <translation>Save the report as</translation>
    </message>
    <message>
        <source>请选择输出文件</source>
        <translation>Choose the output file</translation>
    </message>
    <message>
        <source>文件夹不存在：%1</source>
        <translation>The folder does not exist: %1</translation>
    </message>
    <message>
        <source>案件有未保存的修改：请先保存，再导出签署的报告（签署的报告按已保存的版本存档）。</source>
        <translation>The case has unsaved changes: save it first, then export the signed report (a signed report is archived for the saved version).</translation>
    </message>
    <message>
        <source>正在生成并签署报告…</source>
        <translation>Making and signing the report…</translation>
    </message>
    <message>
        <source>正在生成报告…</source>
        <translation>Making the report…</translation>
    </message>
    <message>
        <source>已导出 %1（%2 页）。</source>
        <translation>Exported %1 (%2 pages).</translation>
    </message>
    <message>
        <source>已签署。</source>
        <translation>Signed.</translation>
    </message>
    <message>
        <source>已存入报告归档（案件第 %1 版）。</source>
        <translation>Archived in the report archive (case version %1).</translation>
    </message>
    <message>
        <source>报告未导出：%1</source>
        <translation>Report not exported: %1</translation>
    </message>
    <message>
        <source>无法读取文件 %1：%2</source>
        <translation>Cannot read %1: %2</translation>
    </message>
    <message>
        <source>不是可读取的证书文件：%1</source>
        <translation>Not a readable certificate file: %1</translation>
    </message>
    <message>
        <source>这是加密的 PDF（需要密码才能打开），无法验证其中的签名</source>
        <translation>This is an encrypted PDF (it needs a password to open); its signatures cannot be checked</translation>
    </message>
    <message>
        <source>不是可读取的 PDF 文件（%1）</source>
        <translation>Not a readable PDF file (%1)</translation>
    </message>
    <message>
        <source>此报告对应案件第 %1 版，案件现已是第 %2 版：请先导出新版本的报告再签署</source>
        <translation>This report is of case version %1 and the case is now at version %2: export a report of the new version and sign that</translation>
    </message>
    <message>
        <source>签名身份…</source>
        <translation>Signing identities…</translation>
    </message>
    <message>
        <source>签署时输入，不会保存</source>
        <translation>asked when signing, never saved</translation>
    </message>
    <message>
        <source>还没有签名身份：请先点“签名身份…”新建或导入。</source>
        <translation>No signing identity yet: click Signing identities… to create or import one.</translation>
    </message>
    <message>
        <source>签名身份</source>
        <translation>Signing identity</translation>
    </message>
    <message>
        <source>签署事由</source>
        <translation>Reason</translation>
    </message>
    <message>
        <source>签署地点</source>
        <translation>Location</translation>
    </message>
    <message>
        <source>请选择签名身份</source>
        <translation>Choose a signing identity</translation>
    </message>
    <message>
        <source>请输入签名身份的口令</source>
        <translation>Enter the identity&apos;s passphrase</translation>
    </message>
    <message>
        <source>已发送到打印机：%1 页。</source>
        <translation>Sent to the printer: %1 pages.</translation>
    </message>
    <message>
        <source>正在打印…</source>
        <translation>Printing…</translation>
    </message>
    <message>
        <source>证书指纹 SHA-256</source>
        <translation>Certificate SHA-256</translation>
    </message>
    <message>
        <source>覆盖范围</source>
        <translation>Coverage</translation>
    </message>
    <message>
        <source>验证 PDF 签名</source>
        <translation>Verify PDF signatures</translation>
    </message>
    <message>
        <source>尚未选择文件</source>
        <translation>No file chosen yet</translation>
    </message>
    <message>
        <source>选择 PDF…</source>
        <translation>Choose PDF…</translation>
    </message>
    <message>
        <source>另信任证书…</source>
        <translation>Trust a certificate…</translation>
    </message>
    <message>
        <source>与案件库中的案件“%1”对比案件指纹。</source>
        <translation>The case fingerprint is compared with the stored case &quot;%1&quot;.</translation>
    </message>
    <message>
        <source>未指定案件：不对比案件指纹（从案件标签页或报告归档验证时对比）。</source>
        <translation>No case given: the case fingerprint is not compared (it is when you verify from a case tab or its report archive).</translation>
    </message>
    <message>
        <source>选择要验证的 PDF</source>
        <translation>Choose the PDF to verify</translation>
    </message>
    <message>
        <source>PDF 文件 (*.pdf);;所有文件 (*)</source>
        <translation>PDF files (*.pdf);;All files (*)</translation>
    </message>
    <message>
        <source>选择要信任的证书</source>
        <translation>Choose certificates to trust</translation>
    </message>
    <message>
        <source>证书 (*.pem *.crt *.cer);;所有文件 (*)</source>
        <translation>Certificates (*.pem *.crt *.cer);;All files (*)</translation>
    </message>
    <message>
        <source>受信任的证书：本人的 %1 个签名身份</source>
        <translation>Trusted certificates: your %1 signing identities</translation>
    </message>
    <message>
        <source>，另加：%1</source>
        <translation>, plus: %1</translation>
    </message>
    <message>
        <source>正在验证…</source>
        <translation>Verifying…</translation>
    </message>
    <message>
        <source>签名有效，证书受信任</source>
        <translation>Signatures valid, certificates trusted</translation>
    </message>
    <message>
        <source>签名完整，但证书未受信任</source>
        <translation>Signatures intact, but a certificate is not trusted</translation>
    </message>
    <message>
        <source>签名完整，但证书已过期或尚未生效</source>
        <translation>Signatures intact, but a certificate has expired or is not yet valid</translation>
    </message>
    <message>
        <source>验证未通过</source>
        <translation>Verification FAILED</translation>
    </message>
    <message>
        <source>PDF 中没有案件指纹。</source>
        <translation>The PDF has no case fingerprint.</translation>
    </message>
    <message>
        <source>未与案件库对比</source>
        <translation>not compared with the case store</translation>
    </message>
    <message>
        <source>与案件库中的当前案件一致</source>
        <translation>matches the case as stored now</translation>
    </message>
    <message>
        <source>与案件库中的当前案件不一致</source>
        <translation>DIFFERS from the case as stored now</translation>
    </message>
    <message>
        <source>案件指纹 %1（第 %2 版）：%3</source>
        <translation>Case fingerprint %1 (version %2): %3</translation>
    </message>
    <message>
        <source>无法验证</source>
        <translation>Cannot verify</translation>
    </message>
    <message>
        <source>无法读取 PDF：%1</source>
        <translation>Cannot read the PDF: %1</translation>
    </message>
    <message>
        <source>无法开始打印：打印机不可用</source>
        <translation>Cannot start printing: the printer is not available</translation>
    </message>
    <message>
        <source>打印中断：打印机不接受下一页</source>
        <translation>Printing stopped: the printer did not take the next page</translation>
    </message>
    <message>
        <source>打印预览</source>
        <translation>Print preview</translation>
    </message>
    <message>
        <source>打印报告</source>
        <translation>Print the report</translation>
    </message>
    <message>
        <source>导出报告…</source>
        <translation>Export report…</translation>
    </message>
    <message>
        <source>报告归档…</source>
        <translation>Report archive…</translation>
    </message>
    <message>
        <source>验证 PDF 签名…</source>
        <translation>Verify PDF signatures…</translation>
    </message>
    <message>
        <source>请先打开一个案件</source>
        <translation>Open a case first</translation>
    </message>
    <message>
        <source>报告归档属于案件库中的案件：请先打开或保存到案件库</source>
        <translation>The report archive belongs to a stored case: open it from, or save it to, the case store first</translation>
    </message>
    <message>
        <source>无法读取附件：%1</source>
        <translation>Cannot read the attachment: %1</translation>
    </message>
    <message>
        <source>附件未能存入案件库（已保留，下次保存时重试）：%1</source>
        <translation>The attachments could not be stored (they are kept and go with the next save): %1</translation>
    </message>
    <message>
        <source>正在载入…</source>
        <translation>Loading…</translation>
    </message>
    <message>
        <source>用系统程序打开</source>
        <translation>Open with the system viewer</translation>
    </message>
    <message>
        <source>PDF 扫描件（%1）：请用系统程序打开查看。</source>
        <translation>PDF scan (%1): open it with the system viewer.</translation>
    </message>
    <message>
        <source>无法显示此图片</source>
        <translation>This image cannot be shown</translation>
    </message>
    <message>
        <source>无法载入附件：%1</source>
        <translation>Cannot load the attachment: %1</translation>
    </message>
    <message>
        <source>待存入案件库</source>
        <translation>Not stored yet</translation>
    </message>
    <message>
        <source>已存入案件库</source>
        <translation>In the case store</translation>
    </message>
    <message>
        <source>缺少文件</source>
        <translation>File missing</translation>
    </message>
    <message>
        <source>标题最多 %1 个字</source>
        <translation>A title has at most %1 characters</translation>
    </message>
    <message>
        <source>附件标题</source>
        <translation>attachment title</translation>
    </message>
    <message>
        <source>添加附件…</source>
        <translation>Add attachments…</translation>
    </message>
    <message>
        <source>修改标题</source>
        <translation>Edit title</translation>
    </message>
    <message>
        <source>预览</source>
        <translation>Preview</translation>
    </message>
    <message>
        <source>删除</source>
        <translation>Remove</translation>
    </message>
    <message>
        <source>还没有附件。点“添加附件…”或把照片、扫描件（JPEG、PNG、PDF）拖到这里。</source>
        <translation>No attachments yet. Click “Add attachments…” or drop photos and scans (JPEG, PNG, PDF) here.</translation>
    </message>
    <message>
        <source>附件在保存案件时存入案件库。</source>
        <translation>Attachments go to the case store when the case is saved.</translation>
    </message>
    <message>
        <source>正在存入附件…</source>
        <translation>Storing the attachments…</translation>
    </message>
    <message>
        <source>%1 个附件待保存。</source>
        <translation>%1 attachment(s) waiting for the next save.</translation>
    </message>
    <message>
        <source>此案件尚未存入案件库：附件暂存在本窗口，案件保存到案件库时一并存入。案件文件只记录证据的文件名和 SHA-256，不含附件本身；未存入案件库就关闭案件，附件会丢失。</source>
        <translation>This case is not in the case store yet: its attachments are held in this window and go to the store with the case when it is saved there. A case file records each evidence item&apos;s file name and SHA-256, not the file itself; closing the case without storing it loses the attachments.</translation>
    </message>
    <message>
        <source>%1 个证据缺少文件：用“添加附件…”选择同一文件即可补上。</source>
        <translation>%1 evidence item(s) have no file: choose the same file with “Add attachments…” to fill it in.</translation>
    </message>
    <message>
        <source>添加附件</source>
        <translation>Add attachment</translation>
    </message>
    <message>
        <source>照片和扫描件 (%1)</source>
        <translation>Photos and scans (%1)</translation>
    </message>
    <message>
        <source>附件未添加：%1</source>
        <translation>Attachment not added: %1</translation>
    </message>
    <message>
        <source>文件已补到证据 %1</source>
        <translation>The file now fills evidence %1</translation>
    </message>
    <message>
        <source>此文件已是附件“%1”</source>
        <translation>This file is already the attachment “%1”</translation>
    </message>
    <message>
        <source>删除附件</source>
        <translation>Remove attachment</translation>
    </message>
    <message>
        <source>注意：交叉检验 %1 引用了已删除的证据 %2</source>
        <translation>Note: cross-check %1 refers to the removed evidence %2</translation>
    </message>
    <message>
        <source>证据 %1 缺少文件，无法预览</source>
        <translation>Evidence %1 has no file to preview</translation>
    </message>
    <message>
        <source>一户一案：现场调查的报表、交叉检验、还款能力测算和上会材料都在案件里。打开一个案件开始工作。</source>
        <translation>One case per borrower: the on-site statements, cross-checks, repayment capacity and committee papers all live in the case. Open a case to start.</translation>
    </message>
    <message>
        <source>空白案件，从申请人开始填写（Ctrl+N）</source>
        <translation>An empty case, starting with the applicant (Ctrl+N)</translation>
    </message>
    <message>
        <source>便利店（王丽华）：完整的调查数据</source>
        <translation>Convenience store (Wang Lihua): a complete survey</translation>
    </message>
    <message>
        <source>加工作坊：季节性经营</source>
        <translation>Workshop: a seasonal business</translation>
    </message>
    <message>
        <source>交换格式的 .json 案件文件（Ctrl+O）</source>
        <translation>A .json case file in the exchange format (Ctrl+O)</translation>
    </message>
    <message>
        <source>最近打开的文件</source>
        <translation>Recent files</translation>
    </message>
    <message>
        <source>还没有最近打开的文件。</source>
        <translation>No recent files yet.</translation>
    </message>
    <message>
        <source>案件库</source>
        <translation>Case store</translation>
    </message>
    <message>
        <source>案件库中的案件在左侧“案件”列表里：可搜索、筛选，点列标题排序，双击打开。</source>
        <translation>Stored cases are in the “Cases” list on the left: search, filter, click a column header to sort, double-click to open.</translation>
    </message>
    <message>
        <source>审贷会需要连接案件库</source>
        <translation>The committee needs the case store</translation>
    </message>
    <message>
        <source>此案卷不在任何审贷会的议程上</source>
        <translation>This case is on no committee agenda</translation>
    </message>
    <message>
        <source>提交贷审会前请先将案卷保存到案件库</source>
        <translation>Save the case to the case store before submitting it</translation>
    </message>
    <message>
        <source>案卷有未保存的修改：请先保存，再提交贷审会</source>
        <translation>The case has unsaved changes: save it, then submit it</translation>
    </message>
    <message>
        <source>案卷尚未通过上会前检查，不能提交：</source>
        <translation>The case has not passed the readiness checklist and cannot be submitted:</translation>
    </message>
    <message>
        <source>已提交贷审会（第 %1 版），案卷已冻结</source>
        <translation>Submitted to the committee (version %1); the case is frozen</translation>
    </message>
    <message>
        <source>将“%1”提交贷审会？</source>
        <translation>Submit “%1” to the credit committee?</translation>
    </message>
    <message>
        <source>提交后案卷即冻结：您不能再修改它，直到审贷会作出决定。审贷会看到的是现在保存的这一版；若审贷会退回补充调查，您可修改后再次提交。</source>
        <translation>Submitting freezes the case: you cannot change it until the committee has decided. The committee sees the version saved now; if it returns the case for further survey, you can change it and submit it again.</translation>
    </message>
    <message>
        <source>审贷会已批准此案。您的修改（如金额或期限）将连同案卷作为新版本重新提交审贷会，原决议不再适用；审贷会作出新决定前，案卷冻结。</source>
        <translation>The committee approved this case. Your changes (such as the amount or the term) go back to the committee with the case as a new version; the earlier decision no longer applies, and the case stays frozen until the committee decides again.</translation>
    </message>
    <message>
        <source>提交并冻结</source>
        <translation>Submit and freeze</translation>
    </message>
    <message>
        <source>审贷会</source>
        <translation>Committee</translation>
    </message>
    <message>
        <source>选择主席的签名身份文件</source>
        <translation>Choose the chair&apos;s signing identity</translation>
    </message>
    <message>
        <source>签名身份 (*.p12 *.pfx)</source>
        <translation>Signing identities (*.p12 *.pfx)</translation>
    </message>
    <message>
        <source>签署纪要</source>
        <translation>Sign the minutes</translation>
    </message>
    <message>
        <source>身份文件口令：</source>
        <translation>Passphrase of the identity:</translation>
    </message>
    <message>
        <source>全体一致</source>
        <translation>Unanimous</translation>
    </message>
    <message>
        <source>多数通过</source>
        <translation>Majority</translation>
    </message>
    <message>
        <source>主席决定</source>
        <translation>Chair decides</translation>
    </message>
    <message>
        <source>纪要已签署</source>
        <translation>Minutes signed</translation>
    </message>
    <message>
        <source>进行中</source>
        <translation>Open</translation>
    </message>
    <message>
        <source>已投 %1 / %2 票，法定人数 %3</source>
        <translation>%1 of %2 votes cast, quorum %3</translation>
    </message>
    <message>
        <source>决议（%1）：%2</source>
        <translation>Decision (%1): %2</translation>
    </message>
    <message>
        <source>按“%1”规则：待主席表决</source>
        <translation>Rule “%1”: waiting for the chair</translation>
    </message>
    <message>
        <source>按“%1”规则，当前结果：%2</source>
        <translation>Rule “%1”, so far: %2</translation>
    </message>
    <message>
        <source>（%1 行使否决权）</source>
        <translation> (veto by %1)</translation>
    </message>
    <message>
        <source>理由（除“批准（无改动）”外必填）</source>
        <translation>Reason (required unless approving as proposed)</translation>
    </message>
    <message>
        <source>附加条件，多条用“；”分隔</source>
        <translation>Conditions, separated by “;”</translation>
    </message>
    <message>
        <source>记录投票</source>
        <translation>Record vote</translation>
    </message>
    <message>
        <source>（主席）</source>
        <translation> (chair)</translation>
    </message>
    <message>
        <source>（否决权）</source>
        <translation> (veto)</translation>
    </message>
    <message>
        <source>请选择委员</source>
        <translation>Choose a member</translation>
    </message>
    <message>
        <source>“%1”须填写理由</source>
        <translation>“%1” needs a reason</translation>
    </message>
    <message>
        <source>（主屏幕）</source>
        <translation>(primary)</translation>
    </message>
    <message>
        <source>演示屏幕</source>
        <translation>Presentation screen</translation>
    </message>
    <message>
        <source>幻灯片全屏显示在所选屏幕（投影仪）上，演讲者视图显示在另一块屏幕上。</source>
        <translation>The slides fill the chosen screen (the projector); the presenter view goes on the other screen.</translation>
    </message>
    <message>
        <source>载入新版本</source>
        <translation>Load the new version</translation>
    </message>
    <message>
        <source>案卷已提交贷审会，已冻结：只能查看，不能修改。</source>
        <translation>Submitted to the credit committee and frozen: it can be viewed, not changed.</translation>
    </message>
    <message>
        <source>案件库中已有“%1”的第 %2 版（阶段：%3），此标签页有未保存的修改。</source>
        <translation>The store has version %2 of “%1” (stage: %3); this tab has unsaved changes. </translation>
    </message>
    <message>
        <source>新版本已冻结：另存为副本可保留您的修改，载入新版本则放弃它们。</source>
        <translation>The new version is frozen: save as a copy to keep your changes; loading the new version gives them up.</translation>
    </message>
    <message>
        <source>载入新版本后，您的修改可通过撤销找回；或另存为副本。</source>
        <translation>After loading the new version your changes are one Undo away; or save yours as a copy.</translation>
    </message>
    <message>
        <source>提示</source>
        <translation>Flag</translation>
    </message>
    <message>
        <source>疑似反复测算</source>
        <translation>Looks like fitting</translation>
    </message>
    <message>
        <source>未见异常</source>
        <translation>Nothing unusual</translation>
    </message>
    <message>
        <source>保存版本</source>
        <translation>Saved versions</translation>
    </message>
    <message>
        <source>改动额度数据的保存</source>
        <translation>Saves changing limit data</translation>
    </message>
    <message>
        <source>未修改：</source>
        <translation>Unchanged: </translation>
    </message>
    <message>
        <source>提示原因</source>
        <translation>Why flagged</translation>
    </message>
    <message>
        <source>方案修改记录</source>
        <translation>Proposal history</translation>
    </message>
    <message>
        <source>各版本之间驱动额度的数据没有变化。</source>
        <translation>The data that drive the limit did not change between versions.</translation>
    </message>
    <message>
        <source>测算额度与申请金额（按保存版本）</source>
        <translation>Computed limit and requested amount by saved version</translation>
    </message>
    <message>
        <source>系统密钥环未能保存密码：%1</source>
        <translation>The system keyring did not keep the password: %1</translation>
    </message>
    <message>
        <source>此电脑没有可用的系统密钥环（如 GNOME 密钥环、KWallet、macOS 钥匙串、Windows 凭据管理器），无法记住密码</source>
        <translation>No system keyring is available on this computer (such as GNOME Keyring, KWallet, macOS Keychain, Windows Credential Manager), so the password cannot be remembered</translation>
    </message>
    <message>
        <source>登录</source>
        <translation>Sign In</translation>
    </message>
    <message>
        <source>在系统密钥环中记住密码</source>
        <translation>Remember the password in the system keyring</translation>
    </message>
    <message>
        <source>服务器</source>
        <translation>Server</translation>
    </message>
    <message>
        <source>数据库</source>
        <translation>Database</translation>
    </message>
    <message>
        <source>登录名</source>
        <translation>Login</translation>
    </message>
    <message>
        <source>密码</source>
        <translation>Password</translation>
    </message>
    <message>
        <source>再次输入</source>
        <translation>Repeat</translation>
    </message>
    <message>
        <source>新密码</source>
        <translation>New password</translation>
    </message>
    <message>
        <source>正在打开案件库 %1 …</source>
        <translation>Opening the case store %1 …</translation>
    </message>
    <message>
        <source>登录案件库 %1</source>
        <translation>Sign in to the case store %1</translation>
    </message>
    <message>
        <source>这是一个新的案件库（%1）。请创建第一个账户：您将是本机的客户经理，并管理本案件库的用户。</source>
        <translation>This is a new case store (%1). Create its first account: you will be this computer&apos;s loan officer and manage the store&apos;s users.</translation>
    </message>
    <message>
        <source>账户尚未设置密码：请设置新密码并输入两次（%1）。</source>
        <translation>This account has no password yet: choose a new one and type it twice (%1).</translation>
    </message>
    <message>
        <source>使用 PostgreSQL 服务器的账户登录团队案件库。</source>
        <translation>Sign in to the team store with your PostgreSQL server account.</translation>
    </message>
    <message>
        <source>创建账户并登录</source>
        <translation>Create Account and Sign In</translation>
    </message>
    <message>
        <source>设置密码并登录</source>
        <translation>Set Password and Sign In</translation>
    </message>
    <message>
        <source>请输入登录名</source>
        <translation>Enter a login</translation>
    </message>
    <message>
        <source>两次输入的密码不一致</source>
        <translation>The two passwords differ</translation>
    </message>
    <message>
        <source>正在登录…</source>
        <translation>Signing in…</translation>
    </message>
    <message>
        <source>%1 的签名证书</source>
        <translation>Signing certificates of %1</translation>
    </message>
    <message>
        <source>报告归档时，最后一位签署人的证书须登记在本人名下。请登记证书文件（.pem、.crt 或 .der，只含公钥）；吊销后，该证书签署的报告不再归档。</source>
        <translation>A report is archived only when its last signer&apos;s certificate is registered to her. Register a certificate file (.pem, .crt or .der, the public part only); once revoked, reports it signs are no longer archived.</translation>
    </message>
    <message>
        <source>指纹（SHA-256）</source>
        <translation>Fingerprint (SHA-256)</translation>
    </message>
    <message>
        <source>主体</source>
        <translation>Subject</translation>
    </message>
    <message>
        <source>有效期</source>
        <translation>Validity</translation>
    </message>
    <message>
        <source>登记证书…</source>
        <translation>Register a certificate…</translation>
    </message>
    <message>
        <source>吊销</source>
        <translation>Revoke</translation>
    </message>
    <message>
        <source>已吊销</source>
        <translation>Revoked</translation>
    </message>
    <message>
        <source>有效</source>
        <translation>Valid</translation>
    </message>
    <message>
        <source>选择证书文件</source>
        <translation>Choose a certificate file</translation>
    </message>
    <message>
        <source>证书文件 (*.pem *.crt *.cer *.der);;所有文件 (*)</source>
        <translation>Certificate files (*.pem *.crt *.cer *.der);;All files (*)</translation>
    </message>
    <message>
        <source>无法读取 %1：%2</source>
        <translation>Cannot read %1: %2</translation>
    </message>
    <message>
        <source>%1 不是证书文件</source>
        <translation>%1 is not a certificate file</translation>
    </message>
    <message>
        <source>已登记证书</source>
        <translation>Certificate registered</translation>
    </message>
    <message>
        <source>已吊销证书</source>
        <translation>Certificate revoked</translation>
    </message>
    <message>
        <source>导出为 CSV 或 Excel…</source>
        <translation>Export as CSV or Excel…</translation>
    </message>
    <message>
        <source>导出列表</source>
        <translation>Export list</translation>
    </message>
    <message>
        <source>Excel 工作簿 (*.xlsx);;CSV 文件 (*.csv)</source>
        <translation>Excel workbook (*.xlsx);;CSV file (*.csv)</translation>
    </message>
    <message>
        <source>导入 Excel…</source>
        <translation>Import Excel…</translation>
    </message>
    <message>
        <source>导出 Excel</source>
        <translation>Export Excel</translation>
    </message>
    <message>
        <source>无法导出 Excel：%1</source>
        <translation>Cannot export Excel: %1</translation>
    </message>
    <message>
        <source>已导出：%1</source>
        <translation>Exported: %1</translation>
    </message>
    <message>
        <source>导入 Excel</source>
        <translation>Import Excel</translation>
    </message>
    <message>
        <source>无法导入 Excel：%1</source>
        <translation>Cannot import Excel: %1</translation>
    </message>
    <message>
        <source>无法导入 Excel</source>
        <translation>Cannot import Excel</translation>
    </message>
    <message>
        <source>粘贴预览</source>
        <translation>Paste preview</translation>
    </message>
    <message>
        <source>第 %1 行：%2</source>
        <translation>Row %1: %2</translation>
    </message>
    <message>
        <source>粘贴</source>
        <translation>Paste</translation>
    </message>
    <message>
        <source>粘贴 %1 行 × %2 列，%3 个单元格</source>
        <translation>Pasting %1 rows × %2 columns, %3 cells</translation>
    </message>
    <message>
        <source>新增 %1 行</source>
        <translation>%1 new rows</translation>
    </message>
    <message>
        <source>%1 个单元格不粘贴（原因见下）</source>
        <translation>%1 cells are not pasted (reasons below)</translation>
    </message>
    <message>
        <source>；</source>
        <translation>; </translation>
    </message>
    <message>
        <source>表格没有这一列</source>
        <translation>the table has no such column</translation>
    </message>
    <message>
        <source>%1：由程序计算，不能粘贴</source>
        <translation>%1: computed by the program, cannot be pasted</translation>
    </message>
    <message>
        <source>清除单元格</source>
        <translation>clear cells</translation>
    </message>
    <message>
        <source>如 2026-12-07 或 12-7</source>
        <translation>e.g. 2026-12-07 or 12-7</translation>
    </message>
    <message>
        <source>选择日期（F4）</source>
        <translation>Pick a date (F4)</translation>
    </message>
    <message>
        <source>%1：此案卷只能查看，不能修改。</source>
        <translation>%1: this case can be viewed, not changed.</translation>
    </message>
    <message>
        <source>您的角色或权限不能执行此操作</source>
        <translation>Your role or permissions do not allow this</translation>
    </message>
    <message>
        <source>α 上限</source>
        <translation>α ceiling</translation>
    </message>
    <message>
        <source>建议月还款（占比）</source>
        <translation>Instalment (share)</translation>
    </message>
    <message>
        <source>权益偏差 δ</source>
        <translation>Equity deviation δ</translation>
    </message>
    <message>
        <source>%1 项阻碍</source>
        <translation>%1 blocking</translation>
    </message>
    <message>
        <source>可提交</source>
        <translation>Ready</translation>
    </message>
    <message>
        <source>点击查看所在部分</source>
        <translation>Click to show its section</translation>
    </message>
    <message>
        <source>复核认可记录在案件库中：请登录案件库并打开已保存的案卷。</source>
        <translation>Overrides are kept in the case store: sign in to a store and open a stored case.</translation>
    </message>
    <message>
        <source>只有审查员可以记录或撤销复核认可。</source>
        <translation>Only a reviewer can record or take back an override.</translation>
    </message>
    <message>
        <source>复核认可</source>
        <translation>Reviewer&apos;s override</translation>
    </message>
    <message>
        <source>认可理由（以您登录的姓名记录）</source>
        <translation>Reason for accepting (recorded under your sign-in name)</translation>
    </message>
    <message>
        <source>记录认可</source>
        <translation>Record override</translation>
    </message>
    <message>
        <source>撤销认可</source>
        <translation>Take back override</translation>
    </message>
    <message>
        <source>恢复刚撤销的认可</source>
        <translation>Restore the override just taken back</translation>
    </message>
    <message>
        <source>%1 已复核认可：%2</source>
        <translation>Accepted on review by %1: %2</translation>
    </message>
    <message>
        <source>尚无复核认可。未通过的检验须重新计算通过，或经审查员复核认可，方可计入。</source>
        <translation>No override yet. A failed check counts only once a re-computation passes or a reviewer accepts it.</translation>
    </message>
    <message>
        <source>四舍五入</source>
        <translation>Half up</translation>
    </message>
    <message>
        <source>向上取整</source>
        <translation>Up</translation>
    </message>
    <message>
        <source>向下取整</source>
        <translation>Down</translation>
    </message>
    <message>
        <source>可接受</source>
        <translation>OK up to</translation>
    </message>
    <message>
        <source>需说明</source>
        <translation>Explain up to</translation>
    </message>
    <message>
        <source>各类检验的容差（留空：按现金流或权益容差）</source>
        <translation>Tolerance per kind of check (empty: the flow or equity band)</translation>
    </message>
    <message>
        <source>重要时须多种方法检验的项目</source>
        <translation>Items that need several methods when material</translation>
    </message>
    <message>
        <source>重要性比例（0–1）</source>
        <translation>Materiality share (0–1)</translation>
    </message>
    <message>
        <source>每个重要项目至少的检验方法数</source>
        <translation>Minimum check methods per material item</translation>
    </message>
    <message>
        <source>书面说明的最低字数权重</source>
        <translation>Minimum weight of a written explanation</translation>
    </message>
    <message>
        <source>每期还款额取整单位</source>
        <translation>Instalment rounding unit</translation>
    </message>
    <message>
        <source>每期还款额取整方式</source>
        <translation>Instalment rounding mode</translation>
    </message>
</context>
</TS>
