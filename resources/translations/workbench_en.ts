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
        <source>取消</source>
        <translation>Cancel</translation>
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
        <source>新案件</source>
        <translation>New case</translation>
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
        <source>客户经理</source>
        <translation>Loan officer</translation>
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
        <source>凭证记录销售额</source>
        <translation>Documented sales</translation>
    </message>
    <message>
        <source>凭证覆盖销售比例</source>
        <translation>Share of sales documented</translation>
    </message>
    <message>
        <source>月数</source>
        <translation>Months</translation>
    </message>
    <message>
        <source>税率</source>
        <translation>Tax rate</translation>
    </message>
    <message>
        <source>渠道收款额</source>
        <translation>Receipts through the channel</translation>
    </message>
    <message>
        <source>该渠道收款占比</source>
        <translation>Share collected through it</translation>
    </message>
    <message>
        <source>应收账款变动</source>
        <translation>Change in receivables</translation>
    </message>
    <message>
        <source>日均销售额</source>
        <translation>Daily sales</translation>
    </message>
    <message>
        <source>月营业天数</source>
        <translation>Operating days per month</translation>
    </message>
    <message>
        <source>日均客户数</source>
        <translation>Customers per day</translation>
    </message>
    <message>
        <source>客单价</source>
        <translation>Average ticket</translation>
    </message>
    <message>
        <source>区间下限</source>
        <translation>Range low</translation>
    </message>
    <message>
        <source>区间上限</source>
        <translation>Range high</translation>
    </message>
    <message>
        <source>检验值</source>
        <translation>Check value</translation>
    </message>
    <message>
        <source>换算倍数</source>
        <translation>Scale</translation>
    </message>
    <message>
        <source>以往期间数额</source>
        <translation>Earlier figure</translation>
    </message>
    <message>
        <source>增长率</source>
        <translation>Growth rate</translation>
    </message>
    <message>
        <source>已付工资或提成</source>
        <translation>Wages or commissions paid</translation>
    </message>
    <message>
        <source>工资占销售额比例</source>
        <translation>Wage share of sales</translation>
    </message>
    <message>
        <source>进货额</source>
        <translation>Purchases</translation>
    </message>
    <message>
        <source>成本占销售额比例</source>
        <translation>Cost share of sales</translation>
    </message>
    <message>
        <source>周数</source>
        <translation>Weeks</translation>
    </message>
    <message>
        <source>存货变动</source>
        <translation>Change in inventory</translation>
    </message>
    <message>
        <source>品类销售占比</source>
        <translation>Product-line share</translation>
    </message>
    <message>
        <source>客户自述年销售额</source>
        <translation>Annual sales as stated</translation>
    </message>
    <message>
        <source>用电量 kWh</source>
        <translation>Electricity kWh</translation>
    </message>
    <message>
        <source>基础用电量 kWh</source>
        <translation>Base load kWh</translation>
    </message>
    <message>
        <source>每千元产值耗电 kWh</source>
        <translation>kWh per 1,000 CNY output</translation>
    </message>
    <message>
        <source>月份甲用电量 kWh</source>
        <translation>kWh in month A</translation>
    </message>
    <message>
        <source>月份乙用电量 kWh</source>
        <translation>kWh in month B</translation>
    </message>
    <message>
        <source>月份甲</source>
        <translation>Month A</translation>
    </message>
    <message>
        <source>月份乙</source>
        <translation>Month B</translation>
    </message>
    <message>
        <source>材料占比</source>
        <translation>Material share</translation>
    </message>
    <message>
        <source>电费占比</source>
        <translation>Energy share</translation>
    </message>
    <message>
        <source>进货成本占比</source>
        <translation>Purchase share</translation>
    </message>
    <message>
        <source>其他成本占比</source>
        <translation>Other cost share</translation>
    </message>
    <message>
        <source>销售额</source>
        <translation>Sales</translation>
    </message>
    <message>
        <source>成本费用合计</source>
        <translation>Total costs</translation>
    </message>
    <message>
        <source>上次盘点存货</source>
        <translation>Inventory at last count</translation>
    </message>
    <message>
        <source>销售成本</source>
        <translation>Cost of sales</translation>
    </message>
    <message>
        <source>劳动力人数</source>
        <translation>Workers</translation>
    </message>
    <message>
        <source>每日工时</source>
        <translation>Hours per day</translation>
    </message>
    <message>
        <source>所需工时</source>
        <translation>Hours needed</translation>
    </message>
    <message>
        <source>最高利用率</source>
        <translation>Maximum utilisation</translation>
    </message>
    <message>
        <source>抽样商品</source>
        <translation>Sampled articles</translation>
    </message>
    <message>
        <source>收入来源</source>
        <translation>Income sources</translation>
    </message>
    <message>
        <source>信息来源甲</source>
        <translation>Source A</translation>
    </message>
    <message>
        <source>说法甲</source>
        <translation>Statement A</translation>
    </message>
    <message>
        <source>信息来源乙</source>
        <translation>Source B</translation>
    </message>
    <message>
        <source>说法乙</source>
        <translation>Statement B</translation>
    </message>
    <message>
        <source>两种说法一致</source>
        <translation>Statements agree</translation>
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
        <source>关闭案件</source>
        <translation>Close case</translation>
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
        <source>打开案件文件</source>
        <translation>Open case file</translation>
    </message>
    <message>
        <source>案件文件 (*.json)</source>
        <translation>Case files (*.json)</translation>
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
        <source>名称</source>
        <translation>Name</translation>
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
        <source>单位</source>
        <translation>Unit</translation>
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
        <source>权重</source>
        <translation>Weight</translation>
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
        <source>月还款占比</source>
        <translation>Instalment / income</translation>
    </message>
    <message>
        <source>期限与利率</source>
        <translation>Term and rate</translation>
    </message>
    <message>
        <source>案件概要</source>
        <translation>Case summary</translation>
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
        <source>配偶</source>
        <translation>spouse</translation>
    </message>
    <message>
        <source>子女</source>
        <translation>child</translation>
    </message>
    <message>
        <source>父母</source>
        <translation>parent</translation>
    </message>
    <message>
        <source>兄弟姐妹</source>
        <translation>sibling</translation>
    </message>
    <message>
        <source>亲属</source>
        <translation>relative</translation>
    </message>
    <message>
        <source>朋友</source>
        <translation>friend</translation>
    </message>
    <message>
        <source>合伙人</source>
        <translation>partner</translation>
    </message>
    <message>
        <source>其他</source>
        <translation>other</translation>
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
        <translation>This case has no equity check.</translation>
    </message>
    <message>
        <source>偏差 δ</source>
        <translation>Deviation δ</translation>
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
        <source>审贷会调整与还款计划</source>
        <translation>Committee what-if and schedule</translation>
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
        <source>还款能力</source>
        <translation>Repayment capacity</translation>
    </message>
    <message>
        <source>资金需求缺口</source>
        <translation>Financing gap</translation>
    </message>
    <message>
        <source>产品上限</source>
        <translation>Product maximum</translation>
    </message>
    <message>
        <source>首贷上限</source>
        <translation>First-loan cap</translation>
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
        <source>审贷会调整：%1，%2 个月，%3，%4</source>
        <translation>Committee amendment: %1, %2 months, %3, %4</translation>
    </message>
    <message>
        <source>已取代（不计入）</source>
        <translation>superseded (not counted)</translation>
    </message>
    <message>
        <source>审贷会调整（不修改调查数据）</source>
        <translation>Committee amendment (survey figures unchanged)</translation>
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
        <source>月息</source>
        <translation>Monthly rate</translation>
    </message>
    <message>
        <source>年利率</source>
        <translation>Annual rate</translation>
    </message>
    <message>
        <source>还款方式</source>
        <translation>Repayment method</translation>
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
        <source>结论不是“通过”：必须写明偏差原因</source>
        <translation>Status is not OK: explain the deviation</translation>
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
        <translation>Equity check</translation>
    </message>
    <message>
        <source>偏差超出可接受范围：必须写明原因</source>
        <translation>Deviation outside the band: explain it</translation>
    </message>
    <message>
        <source>本案件还没有权益检验（经营类贷款必须做）。</source>
        <translation>This case has no equity check yet (required for business loans).</translation>
    </message>
    <message>
        <source>添加权益检验</source>
        <translation>Add an equity check</translation>
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
        <source>是</source>
        <translation>Yes</translation>
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
</context>
</TS>
