"""Texts of the command line by key: the Chinese source texts; English from the catalogue (``--lang en``).

``t(key, lang, **params)`` looks a key up here and translates it through ``workbench.texts`` (gettext,
``resources/locale/en/LC_MESSAGES/workbench.po``). A new text is a new key with ``N_("中文")``; then
``scripts/update-translations.sh`` and its English in the ``.po``.
"""

from __future__ import annotations

from workbench.texts import N_, NC_, Msg, Words, fill, gettext
from workbench.texts import language_from_env as _language_from_env
from workbench.texts.labels import LIMIT_LABELS as _LIMIT_MSGIDS
from workbench.texts.signing import signing_error_text

TEXTS: dict[str, Msg] = {
    "prog_description": N_("小微信贷案件工作台（IPC 技术）。不带子命令时打开图形界面。"),
    "window_db_help": N_("窗口使用的案件库（默认 WORKBENCH_DB_URL，否则本机 SQLite 文件）"),
    "version_help": N_("显示版本号并退出"),
    "lang_help": N_("界面语言：zh（默认）或 en；也可设置环境变量 WORKBENCH_LANG"),
    "calc_help": N_("计算案卷的全部派生数据"),
    "calc_file_help": N_("案卷 JSON 文件"),
    "json_help": N_("以 JSON 输出（金额为十进制字符串）"),
    "schedule_help": N_("生成还款计划表"),
    "principal_help": N_("本金（元）"),
    # argparse formats help texts with %: a literal percent sign is written %%.
    "annual_rate_help": N_("年利率 %%，如 7.2"),
    "monthly_permille_help": N_("月息 ‰，如 6"),
    "months_help": N_("期限（月）"),
    "method_help": N_("还款方式"),
    "grace_help": N_("本金宽限期（月）"),
    "multiple_help": N_("期供取整单位：0.01、1、10 或 100"),
    "rounding_help": N_("期供取整方式"),
    "error_prefix": N_("错误"),
    "rate_required": N_("需要 --annual-rate 或 --monthly-permille 之一"),
    "gui_unavailable": N_("无法启动图形界面：{detail}"),
    "invalid_choice": N_("无效取值 {value}，可选：{choices}"),
    # the store: `db`, `import`, `export`, `cases`
    "db_help": N_("数据库：建立、升级、查看版本"),
    "db_url_help": N_("数据库地址（默认：环境变量 WORKBENCH_DB_URL，否则用户数据目录下的 SQLite 文件）"),
    "db_upgrade_help": N_("把数据库结构升级到最新版本"),
    "db_init_help": N_(
        "建立新数据库（最新结构）和第一个管理员：--login 指定，否则当前系统用户；"
        "SQLite 文件的第一个账户是客户经理兼管理员，密码取自 WORKBENCH_PASSWORD 或在终端上输入"
    ),
    "db_current_help": N_("显示数据库结构的当前版本"),
    "db_upgraded": N_("数据库 {url} 已是最新结构（版本 {revision}）"),
    "db_initialised": N_("数据库 {url} 已就绪（版本 {revision}），管理员：{admin}"),
    "db_current": N_("数据库 {url}：版本 {current}（最新 {head}）"),
    "db_empty": N_("无（空数据库）"),
    "import_help": N_("把案卷 JSON 文件导入数据库，输出案卷编号"),
    "as_copy_help": N_("以新编号另存一份（案卷编号已存在或不是 UUID 时）"),
    "export_help": N_("把数据库中的案卷导出为 JSON 交换格式"),
    "case_id_help": N_("案卷编号（UUID）"),
    "output_help": N_("输出文件（默认：标准输出）"),
    "cases_help": N_("列出数据库中的案卷（最近修改的在前）"),
    "officer_help": N_("只列出该客户经理（用户名）的案卷"),
    "stage_help": N_("只列出该阶段的案卷"),
    "name_help": N_("借款人、企业名称或案卷号包含此文字"),
    "limit_help": N_("最多列出的条数"),
    "cases_json_help": N_("以 JSON 输出"),
    "sort_help": N_("排序依据（默认：最近修改的在前）；指定后按升序，阶段按流程顺序"),
    "desc_help": N_("按 --sort 降序排列"),
    "updated_from_help": N_("只列出此日期（含）以后修改的案卷"),
    "updated_to_help": N_("只列出此日期（含）以前修改的案卷"),
    "updated_range": N_("修改日期范围有误：起始日 {start} 晚于截止日 {end}"),
    "no_cases": N_("没有案卷"),
    "cannot_write": N_("无法写入 {path}：{detail}"),
    "col_case_number": N_("案卷号"),
    "col_borrower": N_("借款人"),
    "col_business": N_("企业"),
    "col_stage": N_("阶段"),
    "col_officer": NC_("column", "客户经理"),
    "col_requested": NC_("column", "申请金额"),
    "col_updated": N_("修改时间（UTC）"),
    "col_version": N_("版本"),
    "col_id": N_("编号"),
    # table headings of `calc` without --json
    "h_case": N_("案卷"),
    "h_statement": N_("损益表（月均）"),
    "h_balance": N_("资产负债表"),
    "h_equity": N_("权益检验"),
    "h_checks": N_("交叉检验"),
    "h_sizing": N_("还款能力与贷款建议"),
    "h_schedule": N_("还款计划"),
    "h_readiness": N_("上会准备"),
    "ready_yes": N_("可以上会"),
    "ready_no": N_("尚不能上会"),
    "col_period": N_("期数"),
    "col_payment": N_("还款额"),
    "col_interest": N_("利息"),
    "col_principal": N_("本金"),
    "col_balance": N_("余额"),
    "col_check": N_("检验"),
    "col_method": N_("方法"),
    "col_value": N_("检验值"),
    "col_adopted": N_("认定值"),
    "col_deviation": N_("偏差"),
    "col_status": N_("结论"),
    "col_pass": N_("轮次"),
    "total": N_("合计"),
    # `portfolio` (issue 16)
    "portfolio_help": N_(
        "贷款组合：各阶段案卷、客户经理业绩、按月批准和偏差分布，导出为 Excel（.xlsx）或 PDF；"
        "客户经理只能看自己的组合"
    ),
    "portfolio_output_help": N_("输出文件：.xlsx 或 .pdf"),
    "portfolio_from_help": N_("期间起始日期（含）"),
    "portfolio_to_help": N_("期间截止日期（含）"),
    "portfolio_officer_help": N_("只统计该客户经理（用户名，可重复）"),
    "portfolio_written": N_("已写入 {path}：{officers} 位客户经理，{cases} 件案卷"),
}

# Figures of `calc`, by the domain's figure key (English capitalised: they start a row).
LABELS: dict[str, str] = {
    "sales_avg": N_("主营业务收入"),
    "variable_costs_avg": N_("可变成本"),
    "gross_profit_avg": N_("毛利"),
    "opex_avg": N_("营业费用"),
    "op_profit_avg": N_("经营利润"),
    "business_instalments_avg": N_("分期还款（经营）"),
    "net_profit_avg": N_("净利润"),
    "household_avg": N_("家庭开支"),
    "private_instalments_avg": N_("分期付款（私人用途）"),
    "other_expenses_avg": N_("其他开支"),
    "other_income_avg": N_("其他收入"),
    "disposable_avg": N_("每月可支配资金"),
    "gm_weighted": N_("加权毛利率"),
    "sales_annual": N_("年销售额"),
    "TA": N_("资产总计"),
    "TL": N_("负债总计"),
    "E_act": N_("所有者权益"),
    "debt_ratio": N_("资产负债率"),
    "current_ratio": N_("流动比率"),
    "quick_ratio": N_("速动比率"),
    "inventory_days": N_("存货周转天数"),
    "ar_to_sales": N_("应收款/月销售额"),
    "E0": N_("初始权益"),
    "period_profit": N_("期间利润"),
    "injections": N_("期间注资"),
    "appreciation": N_("升值"),
    "withdrawals": N_("期间提取"),
    "depreciation": N_("折旧/贬值"),
    "E_exp": N_("应有权益"),
    "A_max": N_("最高月还款额（α × 月可支配）"),
    "P_cap": N_("还款能力可贷额度"),
    "P_prop": N_("建议金额"),
    "instalment": N_("月还款额"),
    "total_interest": N_("利息合计"),
    "ratio": N_("月还款额占月可支比例"),
    "projection_min": N_("现金流预测最低余额"),
}

# How the command line gets past a refusal that the window words without a command-line flag.
HINTS: dict[str, str] = {
    "case_exists": N_("{message}；如需另存一份，请加 --as-copy"),
    "not_a_uuid": N_("{message}（导入时可加 --as-copy 分配新编号）"),
    "user_not_found": N_("{message}（第一个管理员由 workbench db init 创建）"),
    "store_outdated": N_("{message}（管理员命令：workbench db upgrade）"),
    "store_empty": N_("{message}（管理员命令：workbench db init）"),
}


def pick_language(explicit: str | None) -> str:
    """``--lang`` wins, then ``WORKBENCH_LANG``, then Chinese."""
    return _language_from_env(explicit)


def label(key: str, lang: str) -> str:
    """A figure's label, or the key itself."""
    msgid = LABELS.get(key)
    if msgid is None:
        return key
    words = gettext(msgid, lang)
    return words[:1].upper() + words[1:]


def t(key: str, lang: str, **params: object) -> str:
    """The text ``key`` in ``lang`` with ``params`` filled in (the key itself if unknown).

    ``signing_<reason>`` keys name a refused signature (``workbench.texts.signing``).
    """
    msg = TEXTS.get(key)
    if msg is not None:
        return fill(gettext(msg, lang), **params)
    if key in LABELS:
        return label(key, lang)
    if key.startswith("signing_"):
        signing = signing_error_text(key.removeprefix("signing_"), params, lang)
        if signing is not None:
            return signing
    return key


def with_hint(reason: str | None, message: str, lang: str) -> str:
    """``message`` and what the command line can do about ``reason`` (e.g. ``--as-copy``), if anything."""
    hint = HINTS.get(reason or "")
    return message if hint is None else fill(gettext(hint, lang), message=message)


# The loan-size limits (shared with the survey report: workbench.texts.labels.LIMIT_LABELS).
LIMIT_LABELS: Words[str] = Words(_LIMIT_MSGIDS)


# ---- reports, signatures and identities (issue 5) ----------------------------------------------
TEXTS.update(
    {
        "report_help": N_("生成调查报告、贷款档案或审贷会纪要 PDF（可签名）"),
        "report_case_help": N_("案卷 JSON 文件，或存储中的案卷 ID（配合 --db）"),
        "report_kind_help": N_("文档类型"),
        "report_output_help": N_("输出 PDF 文件"),
        "report_lang_help": N_("报告语言：zh（默认）或 en"),
        "report_unit_help": N_("页眉中的银行/机构名称，如“某某农商银行 小微信贷中心”"),
        "report_sign_help": N_("用此签名身份（PKCS#12）签署"),
        "report_reason_help": N_("签名理由"),
        "report_location_help": N_("签署地点"),
        "report_attachments_help": N_("照片目录：案卷证据中列出的 JPEG/PNG 文件放入照片附件（校验 SHA-256）"),
        "report_invariant_help": N_("可重现输出：相同输入生成字节完全相同的 PDF（签名前）"),
        "passphrase_file_help": N_("从文件第一行读取口令（也可设置环境变量 WORKBENCH_PASSPHRASE）"),
        "report_written": N_("已写入 {path}（{pages} 页）"),
        "report_signed": N_("已签名：{name}（{role}）"),
        "report_archived": N_("已存入报告档案：{id}"),
        "report_case_hash": N_("案卷指纹 SHA-256：{sha}（版本 {version}）"),
        "case_not_found_file": N_("找不到案卷文件 {path}"),
        "attachment_mismatch": N_("附件 {name} 的 SHA-256 与案卷证据 {id} 不一致"),
        "cannot_write_pdf": N_("无法写入 {path}：{detail}"),
        "identity_help": N_("创建或查看签名身份（PKCS#12）"),
        "identity_create_help": N_("创建密钥和自签名证书，保存为口令保护的 PKCS#12 文件"),
        "identity_show_help": N_("显示签名身份的证书信息"),
        "identity_name_help": N_("签署人姓名（证书 CN）"),
        "identity_role_help": N_("角色，如“客户经理”"),
        "identity_kind_help": N_(
            "签在报告的哪一栏（证书中的 X.520 role）：officer 主办客户经理、assistant 协办客户经理、"
            "reviewer 审查人、chair 审贷会主席、member 贷审会委员、secretary 记录人；默认由 --role 判断"
        ),
        "identity_unit_help": N_("所属机构（证书 O，可选）"),
        "identity_days_help": N_("证书有效天数"),
        "identity_output_help": N_("PKCS#12 输出文件"),
        "identity_cert_help": N_(
            "证书 PEM 输出文件（默认与 .p12 同名，扩展名 .cert.pem），供 verify --trust 使用"
        ),
        "identity_created": N_("已创建签名身份 {path}"),
        "identity_cert_written": N_("证书：{path}"),
        "identity_line": N_("{name}（{role}）{unit} 有效期至 {until}，证书指纹 SHA-256 {fingerprint}"),
        "passphrase_prompt": N_("口令："),
        "passphrase_again": N_("再次输入口令："),
        "passphrase_mismatch": N_("两次输入的口令不一致"),
        "passphrase_missing": N_("需要口令：请用 --passphrase-file 或环境变量 WORKBENCH_PASSPHRASE"),
        "passphrase_unreadable": N_("无法读取口令文件 {path}：{detail}"),
        "report_tsa_help": N_(
            "RFC 3161 时间戳服务器地址：签名带上服务器签发的时间（PAdES B-T）；"
            "默认取环境变量 WORKBENCH_TSA_URL"
        ),
        "verify_help": N_("验证 PDF 中的全部签名"),
        "verify_file_help": N_("要验证的 PDF 文件"),
        "verify_trust_help": N_("信任的证书（PEM/DER），可多次指定"),
        "verify_case_help": N_("与当前案卷比较：案卷 JSON 文件，或存储中的案卷 ID（配合 --db）"),
        "verify_exit_codes": N_(
            "退出码：\n"
            "  0  全部签名有效，证书受信任且在有效期内\n"
            "  1  验证未通过：内容被改动、没有签名、案卷不符，或报告档案中的存档签名更多\n"
            "  2  无法读取输入（找不到文件、不是 PDF、加密的 PDF、不是证书）\n"
            "  3  签名完整，但证书未受信任\n"
            "  4  签名完整，但证书已过期或尚未生效"
        ),
        "not_a_pdf": N_("{path} 不是可读取的 PDF 文件"),
        "pdf_encrypted": N_("{path} 是加密的 PDF（需要密码才能打开），无法验证其中的签名"),
        "file_not_found": N_("找不到文件 {path}"),
        "bad_certificate": N_("{path} 不是证书文件"),
        # `audit`: the audit trail's hash chain
        "audit_help": N_("审计记录的哈希链：校验、查看链头"),
        "audit_verify_help": N_("逐条重算审计链的哈希，指出第一处断开"),
        "audit_head_help": N_("显示审计链的链头（条数与最后一条的哈希）"),
        "audit_intact": N_("审计链完好：共 {count} 条，链头 {hash}"),
        "audit_head": N_("审计链链头：第 {seq} 条，{hash}"),
        "audit_no_head": N_("审计链没有链头（链头记录被删除）"),
        "audit_broken": N_("审计链在第 {seq} 条断开（条目 {entry}）：{problem}"),
        "audit_broken_at": N_("审计链在第 {seq} 条断开：{problem}"),
        "audit_broken_entry": N_("审计链断开（条目 {entry}）：{problem}"),
        "audit_content_changed": N_("内容在写入后被改动"),
        "audit_link_broken": N_("与前一条的哈希不相接（条目被移动、插入或伪造）"),
        "audit_entry_missing": N_("此处缺少条目（被删除）"),
        "audit_outside_chain": N_("条目不在链中（绕过审计链写入）"),
        "audit_after_head": N_("条目在链头之后（绕过审计链追加）"),
        "audit_head_mismatch": N_("链头与最后一条不符（最新的条目被删除，或链头被改写）"),
        "audit_known_help": N_(
            "再核对一个先前记下的链头（如会议纪要上印的“第 SEQ 条 · SHA-256 …”），写作 SEQ:HASH"
        ),
        "audit_bad_known": N_("“{text}”不是链头：应写作 SEQ:HASH（条数、冒号、64 位十六进制哈希）"),
        "audit_known_head_changed": N_("此条的哈希与先前记下的链头不同（审计链被整条重写）"),
        "audit_known_head_missing": N_("审计链比先前记下的链头短（此前的条目被删除）"),
    }
)


# ---- signing in and the users' accounts (issue 12) ---------------------------------------------
TEXTS.update(
    {
        "login_help": N_(
            "登录用户名（默认：环境变量 WORKBENCH_USER，否则系统用户名）；"
            "SQLite 数据库的密码取自环境变量 WORKBENCH_PASSWORD，或在终端上输入"
        ),
        "password_prompt": N_("{login} 的密码："),
        "new_password_prompt": N_("{login} 的新密码："),
        "new_password_again": N_("再次输入新密码："),
        "password_mismatch": N_("两次输入的密码不一致"),
        "password_missing": N_("需要 {login} 的密码：请设置环境变量 WORKBENCH_PASSWORD，或在终端上运行"),
        "new_password_missing": N_(
            "需要 {login} 的新密码：请用 --password-stdin 从标准输入读取，或在终端上运行"
        ),
        "owner_created": N_("新数据库 {url}：已建立账户 {login}（客户经理，管理员）"),
        "policy_help": N_("授信政策：查看、列出版本、保存新版本（管理员）"),
        "policy_show_help": N_("以 JSON 显示授信政策（默认为现行版本），可修改后用 set 保存"),
        "policy_list_help": N_("列出授信政策的全部版本（最新在前）"),
        "policy_set_help": N_("从 .json 或 .toml 文件保存授信政策的新版本（管理员；旧版本保留不变）"),
        "policy_version_help": N_("显示第 N 版（默认现行版本）"),
        "policy_file_help": N_("授信政策文件（.json 或 .toml，字段同 policy show 的输出）"),
        "col_policy_version": N_("版本"),
        "col_policy_name": N_("政策名称"),
        "col_policy_at": N_("保存时间"),
        "col_policy_by": N_("保存人"),
        "policy_seeded": N_("（初始默认）"),
        "policy_saved": N_("授信政策已保存为第 {version} 版：{name}"),
        "users_help": N_("用户与账户：列出、添加、停用、角色、管理员、密码"),
        "users_list_help": N_("列出全部用户（管理员）"),
        "users_add_help": N_("添加用户（管理员）；初始密码从终端输入两次，或用 --password-stdin"),
        "users_disable_help": N_("停用用户（管理员）；其案卷和记录保留"),
        "users_enable_help": N_("重新启用用户（管理员）"),
        "users_set_role_help": N_("更改用户的角色（管理员）"),
        "users_set_admin_help": N_("授予（on）或取消（off）用户的管理员权限（管理员）"),
        "users_passwd_help": N_("修改自己的密码（先验证原密码）；管理员可重置他人的密码"),
        "users_login_arg_help": N_("用户名（登录名）"),
        "users_name_help": N_("姓名（默认同用户名）"),
        "users_role_help": N_("角色：{roles}"),
        "users_admin_help": N_("同时授予管理员权限（管理用户）"),
        "users_flag_help": N_("on 授予，off 取消"),
        "users_passwd_user_help": N_("要重置密码的用户（管理员）；不填则修改自己的密码"),
        "password_stdin_help": N_("从标准输入读取一行作为新密码（供脚本使用）"),
        "col_login": N_("用户名"),
        "col_name": N_("姓名"),
        "col_role": N_("角色"),
        "col_admin": N_("管理员"),
        "col_active": N_("启用"),
        "col_locked": N_("锁定"),
        "yes": N_("是"),
        "no": N_("否"),
        "locked_for": N_("{seconds} 秒"),
        "user_added": N_("已添加用户 {login}（{role}）"),
        "user_disabled": N_("已停用用户 {login}"),
        "user_enabled": N_("已启用用户 {login}"),
        "user_role_set": N_("用户 {login} 的角色改为 {role}"),
        "user_admin_on": N_("用户 {login} 已是管理员"),
        "user_admin_off": N_("用户 {login} 不再是管理员"),
        "password_changed": N_("{login} 的密码已修改"),
        "password_reset": N_("已重置 {login} 的密码"),
    }
)
HINTS["password_not_set"] = N_(
    "{message}（在终端上运行任一 workbench 命令即可设置，或用 workbench users passwd）"
)

# ---- the case as a workbook (issue 16) ----------------------------------------------------------
TEXTS.update(
    {
        "xlsx_help": N_("导出为 Excel 工作簿（.xlsx，合计与检验为实时公式），须配合 -o"),
        "xlsx_needs_output": N_("--xlsx 需要用 -o 指定输出文件"),
        "template_help": N_("生成空白的案件工作簿（.xlsx），填写后可用 workbench import 导入"),
        "template_output_help": N_("输出的 .xlsx 文件"),
        "import_file_help": N_("案卷文件：JSON 交换格式，或本系统导出的 Excel 工作簿（.xlsx）"),
    }
)
