import { mount } from 'svelte';
import '@/components/theme.css';
import { CompanyHosts } from '@/lib/extension/company-hosts';
import OptionsPage from './OptionsPage.svelte';

mount(OptionsPage, { target: document.getElementById('app')!, props: { hosts: new CompanyHosts() } });
